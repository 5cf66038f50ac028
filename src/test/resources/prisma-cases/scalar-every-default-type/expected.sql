CREATE TABLE "Sample" (
    "id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "flag" BOOLEAN NOT NULL,
    "count" INTEGER NOT NULL,
    "big" BIGINT NOT NULL,
    "ratio" DOUBLE PRECISION NOT NULL,
    "price" DECIMAL(65,30) NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "data" JSONB NOT NULL,
    "blob" BYTEA NOT NULL,
    CONSTRAINT "Sample_pkey" PRIMARY KEY ("id")
);
