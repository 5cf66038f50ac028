CREATE TABLE "Profile" (
    "id" INTEGER NOT NULL,
    "bio" TEXT,
    "age" INTEGER,
    "birthday" TIMESTAMP(3),
    "meta" JSONB,
    CONSTRAINT "Profile_pkey" PRIMARY KEY ("id")
);
