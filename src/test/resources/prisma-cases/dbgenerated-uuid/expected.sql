CREATE TABLE "Account" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);
