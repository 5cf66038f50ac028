CREATE TABLE public.raw_events (id integer PRIMARY KEY, data jsonb);
