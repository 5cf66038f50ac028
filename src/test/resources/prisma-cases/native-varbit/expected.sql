CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" VARBIT(16) NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
