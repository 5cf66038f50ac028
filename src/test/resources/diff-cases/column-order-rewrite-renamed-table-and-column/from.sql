CREATE TABLE public.visits (
    page text NOT NULL,
    seen_at timestamp with time zone NOT NULL
);
INSERT INTO public.visits VALUES ('/home', '2026-01-01 10:00+00');
