CREATE TABLE public.metrics (tenant text NOT NULL, at date NOT NULL, value double precision) PARTITION BY LIST (tenant);
CREATE TABLE public.metrics_acme PARTITION OF public.metrics FOR VALUES IN ('acme');
