CREATE TABLE public.events (kind text NOT NULL, at date NOT NULL) PARTITION BY LIST (kind);
CREATE TABLE public.events_click PARTITION OF public.events FOR VALUES IN ('click') PARTITION BY RANGE (at);
CREATE TABLE public.events_click_2026 PARTITION OF public.events_click FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE public.events_view PARTITION OF public.events FOR VALUES IN ('view');
CREATE INDEX events_at_idx ON ONLY public.events (at);
CREATE INDEX events_view_at ON public.events_view (at);
ALTER INDEX public.events_at_idx ATTACH PARTITION public.events_view_at;
CREATE INDEX events_click_at ON ONLY public.events_click (at);
ALTER INDEX public.events_at_idx ATTACH PARTITION public.events_click_at;
