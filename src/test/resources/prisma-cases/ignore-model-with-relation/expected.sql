CREATE TABLE "User" (
    "id" INTEGER NOT NULL,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Audit" (
    "id" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    CONSTRAINT "Audit_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Audit_userId_idx" ON "Audit"("userId");

ALTER TABLE "Audit" ADD CONSTRAINT "Audit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
