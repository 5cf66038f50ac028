CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" XML,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
