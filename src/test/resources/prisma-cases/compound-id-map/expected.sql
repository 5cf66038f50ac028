CREATE TABLE "Like" (
    "postId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    CONSTRAINT "likes_pk" PRIMARY KEY ("userId","postId")
);
