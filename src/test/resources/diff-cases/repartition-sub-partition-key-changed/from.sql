CREATE TABLE public.sales (region text NOT NULL, sold_on date NOT NULL, amount integer) PARTITION BY LIST (region);
CREATE TABLE public.sales_eu PARTITION OF public.sales FOR VALUES IN ('eu');
CREATE TABLE public.sales_us PARTITION OF public.sales FOR VALUES IN ('us');
CREATE INDEX sales_sold_on_idx ON public.sales (sold_on);
INSERT INTO public.sales VALUES ('eu', '2026-03-01', 5), ('us', '2026-04-01', 7);
