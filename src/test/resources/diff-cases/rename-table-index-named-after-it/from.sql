CREATE TABLE public.items (id integer PRIMARY KEY, sku text NOT NULL, price numeric);
CREATE INDEX items_sku_idx ON public.items (sku);
CREATE UNIQUE INDEX items_lower_sku_key ON public.items (lower(sku));
