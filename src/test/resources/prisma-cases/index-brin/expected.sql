CREATE TABLE "Doc" (
    "id" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Doc_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Doc_createdAt_idx" ON "Doc" USING BRIN ("createdAt");
