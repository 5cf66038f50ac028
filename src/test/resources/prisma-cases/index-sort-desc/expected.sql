CREATE TABLE "Doc" (
    "id" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "rank" INTEGER NOT NULL,
    CONSTRAINT "Doc_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Doc_createdAt_rank_idx" ON "Doc"("createdAt" DESC, "rank");
