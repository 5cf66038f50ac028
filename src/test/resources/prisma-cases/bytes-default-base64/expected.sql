CREATE TABLE "Blob" (
    "id" INTEGER NOT NULL,
    "data" BYTEA NOT NULL DEFAULT '\x48656c6c6f',
    CONSTRAINT "Blob_pkey" PRIMARY KEY ("id")
);
