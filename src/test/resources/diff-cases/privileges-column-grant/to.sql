DO $$ BEGIN CREATE ROLE am_support NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE public.customers (id integer PRIMARY KEY, name text, email text, notes text);
GRANT SELECT (id, name, email), UPDATE (notes) ON public.customers TO am_support;
