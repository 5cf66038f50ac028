CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" BIT(8) NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
