CREATE TABLE public.clicks (
    happened_on date NOT NULL,
    target text NOT NULL
);
INSERT INTO public.clicks VALUES ('2026-04-01', 'buy'), ('2026-09-09', 'help');
