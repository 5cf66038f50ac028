CREATE TABLE public.jobs (id integer PRIMARY KEY, timeout integer DEFAULT 30);
