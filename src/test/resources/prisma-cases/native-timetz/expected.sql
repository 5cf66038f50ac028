CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" TIMETZ(2),
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
