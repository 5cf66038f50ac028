-- Two levels: the middle partition's own index is made ON ONLY (invalid: its partition has none) and attached
-- to the top's index, which is then invalid too.
CREATE TABLE public.events (kind text NOT NULL, at date NOT NULL) PARTITION BY LIST (kind);
CREATE TABLE public.events_click PARTITION OF public.events FOR VALUES IN ('click') PARTITION BY RANGE (at);
CREATE TABLE public.events_click_2026 PARTITION OF public.events_click FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE public.events_view PARTITION OF public.events FOR VALUES IN ('view');
