CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" CHAR(2) NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
