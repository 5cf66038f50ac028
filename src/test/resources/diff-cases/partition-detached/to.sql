CREATE TABLE public.sales (sold_on date NOT NULL, amount numeric(10, 2) NOT NULL) PARTITION BY RANGE (sold_on);
CREATE TABLE public.sales_2025 PARTITION OF public.sales FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE public.sales_2024 (sold_on date NOT NULL, amount numeric(10, 2) NOT NULL);
