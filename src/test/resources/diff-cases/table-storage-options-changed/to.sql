CREATE TABLE public.counters (
    name text PRIMARY KEY,
    value bigint NOT NULL DEFAULT 0
) WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02);
