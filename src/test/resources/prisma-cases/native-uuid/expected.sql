CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" UUID NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
