CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" BOOLEAN NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
