CREATE TABLE "Doc" (
    "id" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    CONSTRAINT "Doc_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Doc_rank_idx" ON "Doc"("rank");
