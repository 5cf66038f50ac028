CREATE TABLE public."OrderItems" (
    "Id" integer PRIMARY KEY,
    "ProductName" text NOT NULL
);
CREATE INDEX "OrderItems_ProductName_idx" ON public."OrderItems" ("ProductName");
