CREATE FUNCTION public.label(n integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'n' || n $$;
CREATE FUNCTION public.label(n numeric) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'd' || n $$;
CREATE TABLE public.nums (id integer PRIMARY KEY, x integer NOT NULL, y numeric NOT NULL);
CREATE VIEW public.labels AS SELECT id, public.label(x) AS lx, public.label(y) AS ly FROM public.nums;
