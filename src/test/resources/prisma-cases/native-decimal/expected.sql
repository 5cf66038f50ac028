CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" DECIMAL(10,2) NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
