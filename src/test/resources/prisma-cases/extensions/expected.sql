CREATE EXTENSION IF NOT EXISTS "pgcrypto";
CREATE EXTENSION IF NOT EXISTS "citext";
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

CREATE TABLE "Key" (
    "id" UUID NOT NULL DEFAULT uuid_generate_v4(),
    "name" CITEXT NOT NULL,
    "salt" TEXT NOT NULL DEFAULT gen_salt('bf'),
    CONSTRAINT "Key_pkey" PRIMARY KEY ("id")
);
