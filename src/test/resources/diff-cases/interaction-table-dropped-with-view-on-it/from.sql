CREATE TABLE public.legacy_orders (id integer PRIMARY KEY, total numeric);
CREATE VIEW public.legacy_totals AS SELECT sum(total) AS total FROM public.legacy_orders;
CREATE TABLE public.orders (id integer PRIMARY KEY);
