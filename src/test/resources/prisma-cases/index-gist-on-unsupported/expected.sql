CREATE TABLE "Place" (
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "location" point,
    "period" tsrange NOT NULL DEFAULT '[2024-01-01,2025-01-01)'::tsrange,
    CONSTRAINT "Place_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Place_location_idx" ON "Place" USING GIST ("location");

CREATE INDEX "place_period" ON "Place" USING GIST ("period");

CREATE INDEX "Place_name_idx" ON "Place"("name" text_pattern_ops DESC);
