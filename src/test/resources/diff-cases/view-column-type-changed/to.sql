CREATE TABLE public.products (id integer PRIMARY KEY, price_cents integer NOT NULL);
CREATE VIEW public.price_list AS SELECT id, price_cents / 100.0 AS price_cents FROM public.products;
