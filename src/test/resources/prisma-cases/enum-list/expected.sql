CREATE TYPE "Permission" AS ENUM ('READ', 'WRITE');

CREATE TABLE "Member" (
    "id" INTEGER NOT NULL,
    "perms" "Permission"[],
    "base" "Permission"[] DEFAULT ARRAY['READ']::"Permission"[],
    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);
