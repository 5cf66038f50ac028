CREATE TABLE public.orders (id integer PRIMARY KEY, region text NOT NULL, total numeric NOT NULL, cancelled boolean NOT NULL DEFAULT false);
CREATE VIEW public.valid_orders AS SELECT id, region, total FROM public.orders;
CREATE MATERIALIZED VIEW public.region_totals AS SELECT region, sum(total) AS total FROM public.valid_orders GROUP BY region;
