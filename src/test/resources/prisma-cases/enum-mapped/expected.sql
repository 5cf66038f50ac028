CREATE TYPE "status" AS ENUM ('active', 'archived');

CREATE TABLE "Item" (
    "id" INTEGER NOT NULL,
    "status" "status" NOT NULL DEFAULT 'active',
    CONSTRAINT "Item_pkey" PRIMARY KEY ("id")
);
