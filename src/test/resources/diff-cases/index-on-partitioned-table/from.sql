CREATE TABLE public.measurements (
    city_id integer NOT NULL,
    logdate date NOT NULL,
    peaktemp integer
) PARTITION BY RANGE (logdate);
CREATE TABLE public.measurements_2025 PARTITION OF public.measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE public.measurements_2026 PARTITION OF public.measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
