CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" REAL NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
