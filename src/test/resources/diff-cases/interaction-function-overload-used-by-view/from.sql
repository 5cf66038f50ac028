CREATE FUNCTION public.label(n integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'n' || n $$;
CREATE TABLE public.nums (id integer PRIMARY KEY, x integer NOT NULL, y numeric NOT NULL);
CREATE VIEW public.labels AS SELECT id, public.label(x) AS lx FROM public.nums;
