-- The new partition's copy of the parent's index has the name the schema gave its own index before attaching it:
-- PostgreSQL names the copy it makes itself, which is renamed.
CREATE TABLE public.visits (visited_on date NOT NULL, page text NOT NULL) PARTITION BY RANGE (visited_on);
CREATE TABLE public.visits_2025 PARTITION OF public.visits FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX visits_page_idx ON public.visits (page);
CREATE TABLE public.visits_2026 (visited_on date NOT NULL, page text NOT NULL);
CREATE INDEX visits_2026_by_page ON public.visits_2026 (page);
ALTER TABLE public.visits ATTACH PARTITION public.visits_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
