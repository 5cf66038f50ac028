CREATE SCHEMA IF NOT EXISTS "base";
CREATE SCHEMA IF NOT EXISTS "shop";

CREATE TYPE "shop"."Currency" AS ENUM ('EUR', 'USD');

CREATE TABLE "base"."User" (
    "id" INTEGER NOT NULL,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "shop"."Order" (
    "id" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "currency" "shop"."Currency" NOT NULL DEFAULT 'EUR',
    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Order_userId_idx" ON "shop"."Order"("userId");

ALTER TABLE "shop"."Order" ADD CONSTRAINT "Order_userId_fkey" FOREIGN KEY ("userId") REFERENCES "base"."User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
