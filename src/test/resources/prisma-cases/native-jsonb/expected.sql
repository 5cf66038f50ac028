CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" JSONB NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
