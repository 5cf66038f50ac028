CREATE TABLE "Token" (
    "id" TEXT NOT NULL,
    CONSTRAINT "Token_pkey" PRIMARY KEY ("id")
);
