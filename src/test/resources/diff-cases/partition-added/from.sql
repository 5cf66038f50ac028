CREATE TABLE public.logs (at timestamptz NOT NULL, line text) PARTITION BY RANGE (at);
CREATE TABLE public.logs_2026_01 PARTITION OF public.logs FOR VALUES FROM ('2026-01-01 00:00+00') TO ('2026-02-01 00:00+00');
