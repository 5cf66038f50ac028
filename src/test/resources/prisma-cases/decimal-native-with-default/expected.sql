CREATE TABLE "Invoice" (
    "id" INTEGER NOT NULL,
    "total" DECIMAL(12,2) NOT NULL DEFAULT 0,
    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);
