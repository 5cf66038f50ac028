CREATE TABLE "users" (
    "user_id" INTEGER NOT NULL,
    "first_name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "nick" TEXT,
    CONSTRAINT "users_pkey" PRIMARY KEY ("user_id")
);

CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE INDEX "users_first_name_idx" ON "users"("first_name");
