CREATE TABLE public."OrderItems" (
    "Id" integer PRIMARY KEY,
    "ProductName" varchar(200) NOT NULL,
    "Unit Price" numeric(10, 2) NOT NULL DEFAULT 0,
    "select" boolean
);
CREATE INDEX "OrderItems_ProductName_idx" ON public."OrderItems" ("ProductName", "Unit Price");
COMMENT ON COLUMN public."OrderItems"."Unit Price" IS 'per unit, before discounts';
