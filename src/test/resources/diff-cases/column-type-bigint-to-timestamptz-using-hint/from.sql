CREATE TABLE public.events (id integer PRIMARY KEY, created_at bigint NOT NULL);
