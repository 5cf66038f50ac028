DO $$ BEGIN CREATE ROLE am_reporting NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE public.orders (id integer PRIMARY KEY, total numeric);
GRANT SELECT ON public.orders TO am_reporting;
