CREATE TABLE "Post" (
    "id" INTEGER NOT NULL,
    "tags" TEXT[],
    "scores" INTEGER[],
    "stamps" TIMESTAMP(3)[],
    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);
