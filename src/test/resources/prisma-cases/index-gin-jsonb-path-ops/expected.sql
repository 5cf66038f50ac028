CREATE TABLE "Doc" (
    "id" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    CONSTRAINT "Doc_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Doc_data_idx" ON "Doc" USING GIN ("data" jsonb_path_ops);
