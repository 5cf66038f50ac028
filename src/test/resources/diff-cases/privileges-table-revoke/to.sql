DO $$ BEGIN CREATE ROLE am_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE public.orders (id integer PRIMARY KEY, total numeric);
GRANT SELECT, INSERT ON public.orders TO am_app;
