CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" JSON NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
