CREATE TABLE public.orders (id integer PRIMARY KEY, total numeric(10, 2) NOT NULL);
CREATE VIEW public.order_summary AS SELECT id, total * 1.21 AS total_with_vat FROM public.orders;
