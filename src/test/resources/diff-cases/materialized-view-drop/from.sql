CREATE TABLE public.sales (id integer PRIMARY KEY, amount numeric(10, 2) NOT NULL);
CREATE MATERIALIZED VIEW public.sales_total AS SELECT sum(amount) AS total FROM public.sales;
