CREATE TABLE public.sales (id integer PRIMARY KEY, amount numeric NOT NULL, sold_on date NOT NULL);
CREATE MATERIALIZED VIEW public.daily_sales AS SELECT sold_on, sum(amount) AS total FROM public.sales GROUP BY sold_on;
