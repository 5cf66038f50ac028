CREATE TABLE public.visits (visited_on date NOT NULL, page text NOT NULL) PARTITION BY RANGE (visited_on);
CREATE TABLE public.visits_2025 PARTITION OF public.visits FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX visits_2025_by_page ON public.visits_2025 (page);
