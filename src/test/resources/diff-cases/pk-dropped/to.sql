CREATE TABLE public.raw_events (id integer NOT NULL, data jsonb);
