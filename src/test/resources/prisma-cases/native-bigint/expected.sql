CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" BIGINT NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
