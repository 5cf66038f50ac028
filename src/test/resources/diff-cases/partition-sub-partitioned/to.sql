CREATE TABLE public.metrics (tenant text NOT NULL, at date NOT NULL, value double precision) PARTITION BY LIST (tenant);
CREATE TABLE public.metrics_acme PARTITION OF public.metrics FOR VALUES IN ('acme');
CREATE TABLE public.metrics_globex PARTITION OF public.metrics FOR VALUES IN ('globex') PARTITION BY RANGE (at);
CREATE TABLE public.metrics_globex_2026 PARTITION OF public.metrics_globex FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
