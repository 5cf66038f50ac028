CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" DATE NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
