CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" INET NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
