CREATE TABLE "User" (
    "id" INTEGER NOT NULL,
    CONSTRAINT "pk_user" PRIMARY KEY ("id")
);
