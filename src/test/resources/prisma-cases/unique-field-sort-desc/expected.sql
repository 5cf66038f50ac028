CREATE TABLE "Score" (
    "id" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    CONSTRAINT "Score_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Score_value_key" ON "Score"("value" DESC);
