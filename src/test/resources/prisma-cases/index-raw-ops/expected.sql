CREATE TABLE "Doc" (
    "id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    CONSTRAINT "Doc_pkey" PRIMARY KEY ("id")
);

CREATE EXTENSION IF NOT EXISTS "pg_trgm";

CREATE INDEX "Doc_title_idx" ON "Doc" USING GIN ("title" gin_trgm_ops);
