CREATE TABLE public.sales (region text NOT NULL, sold_on date NOT NULL, amount integer) PARTITION BY LIST (region);
CREATE TABLE public.sales_eu PARTITION OF public.sales FOR VALUES IN ('eu') PARTITION BY RANGE (sold_on);
CREATE TABLE public.sales_eu_2026 PARTITION OF public.sales_eu FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE public.sales_us PARTITION OF public.sales FOR VALUES IN ('us');
CREATE INDEX sales_sold_on_idx ON public.sales (sold_on);
