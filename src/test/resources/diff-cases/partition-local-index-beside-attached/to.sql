CREATE TABLE public.visits (visited_on date NOT NULL, page text NOT NULL, referrer text) PARTITION BY RANGE (visited_on);
CREATE TABLE public.visits_2025 PARTITION OF public.visits FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE public.visits_2026 PARTITION OF public.visits FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX visits_page_idx ON public.visits (page);
CREATE INDEX visits_2026_page_local ON public.visits_2026 (page);
CREATE INDEX visits_2026_referrer ON public.visits_2026 (referrer);
