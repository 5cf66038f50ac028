CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" VARCHAR NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
