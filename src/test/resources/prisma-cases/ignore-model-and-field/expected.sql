CREATE TABLE "Legacy" (
    "code" TEXT NOT NULL,
    "value" TEXT
);

CREATE TABLE "User" (
    "id" INTEGER NOT NULL,
    "internal" TEXT NOT NULL,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
