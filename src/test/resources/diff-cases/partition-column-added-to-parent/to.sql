CREATE TABLE public.events (id bigint NOT NULL, at date NOT NULL, source text NOT NULL DEFAULT 'web') PARTITION BY RANGE (at);
CREATE TABLE public.events_2026 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
