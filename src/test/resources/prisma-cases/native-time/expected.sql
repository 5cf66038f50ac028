CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" TIME(3) NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
