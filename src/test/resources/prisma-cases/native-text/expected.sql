CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
