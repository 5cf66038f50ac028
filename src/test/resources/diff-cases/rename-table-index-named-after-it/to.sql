CREATE TABLE public.products ( -- automigrate:renamed-from items
    id integer PRIMARY KEY,
    sku text NOT NULL,
    price numeric
);
CREATE INDEX products_sku_idx ON public.products (sku);
CREATE UNIQUE INDEX products_lower_sku_key ON public.products (lower(sku));
