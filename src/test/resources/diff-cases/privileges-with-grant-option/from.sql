DO $$ BEGIN CREATE ROLE am_admin NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE public.settings (key text PRIMARY KEY, value text);
GRANT SELECT ON public.settings TO am_admin;
