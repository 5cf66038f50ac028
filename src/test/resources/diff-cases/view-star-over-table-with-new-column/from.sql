CREATE TABLE public.products (id integer PRIMARY KEY, name text NOT NULL);
CREATE VIEW public.all_products AS SELECT * FROM public.products;
