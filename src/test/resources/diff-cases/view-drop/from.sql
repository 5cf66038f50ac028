CREATE TABLE public.orders (id integer PRIMARY KEY, total numeric(10, 2));
CREATE VIEW public.big_orders AS SELECT id, total FROM public.orders WHERE total > 1000;
