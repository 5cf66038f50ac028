CREATE TABLE public.sales (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10, 2) NOT NULL);
CREATE MATERIALIZED VIEW public.sales_by_region AS
    SELECT region, sum(amount) AS total FROM public.sales GROUP BY region;
CREATE UNIQUE INDEX sales_by_region_region_idx ON public.sales_by_region (region);
