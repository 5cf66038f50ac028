CREATE TABLE public.sessions (id integer PRIMARY KEY, started bigint NOT NULL);
