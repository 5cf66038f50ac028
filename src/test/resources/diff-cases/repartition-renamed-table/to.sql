CREATE TABLE public.click_events ( -- automigrate:renamed-from clicks
    happened_on date NOT NULL,
    target text NOT NULL
) PARTITION BY RANGE (happened_on);
CREATE TABLE public.click_events_2026 PARTITION OF public.click_events
    FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
