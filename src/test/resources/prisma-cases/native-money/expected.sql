CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" MONEY NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
