CREATE TABLE public.visits (visited_on date NOT NULL, page text NOT NULL) PARTITION BY RANGE (visited_on);
CREATE TABLE public.visits_2025 PARTITION OF public.visits FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX visits_page_idx ON public.visits (page);
