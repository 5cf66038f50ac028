CREATE TABLE "Doc" (
    "id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    CONSTRAINT "Doc_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Doc_title_idx" ON "Doc" USING SPGIST ("title");
