CREATE TABLE "Post" (
    "id" INTEGER NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "nums" INTEGER[] DEFAULT ARRAY[1, 2, 3]::INTEGER[],
    "names" TEXT[] DEFAULT ARRAY['a', 'b']::TEXT[],
    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);
