CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');

CREATE TABLE "User" (
    "id" INTEGER NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'USER',
    "alt" "Role",
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
