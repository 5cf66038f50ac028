CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" BYTEA NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
