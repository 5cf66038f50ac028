CREATE TABLE "Shop" (
    "id" INTEGER NOT NULL,
    CONSTRAINT "Shop_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Product" (
    "id" INTEGER NOT NULL,
    "shopId" INTEGER NOT NULL,
    "sku" TEXT NOT NULL,
    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Product_shopId_sku_key" ON "Product"("shopId", "sku");
CREATE INDEX "Product_shopId_idx" ON "Product"("shopId");

ALTER TABLE "Product" ADD CONSTRAINT "Product_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
