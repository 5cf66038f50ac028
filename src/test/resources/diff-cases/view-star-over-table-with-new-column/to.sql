CREATE TABLE public.products (id integer PRIMARY KEY, name text NOT NULL, price numeric(10, 2));
CREATE VIEW public.all_products AS SELECT * FROM public.products;
