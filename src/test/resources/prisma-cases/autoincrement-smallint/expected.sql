CREATE TABLE "Tiny" (
    "id" SMALLSERIAL NOT NULL,
    CONSTRAINT "Tiny_pkey" PRIMARY KEY ("id")
);
