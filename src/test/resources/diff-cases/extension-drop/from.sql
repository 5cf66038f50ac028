CREATE EXTENSION pg_trgm;
CREATE TABLE public.notes (id integer PRIMARY KEY, body text);
