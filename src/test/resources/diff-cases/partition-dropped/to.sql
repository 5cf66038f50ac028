CREATE TABLE public.logs (at date NOT NULL, line text) PARTITION BY RANGE (at);
CREATE TABLE public.logs_2025 PARTITION OF public.logs FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
