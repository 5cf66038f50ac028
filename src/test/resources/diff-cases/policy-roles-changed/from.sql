DO $$ BEGIN CREATE ROLE am_app_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE am_app_writer NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE public.reports (id integer PRIMARY KEY, visible boolean NOT NULL DEFAULT true);
ALTER TABLE public.reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY reports_visible ON public.reports FOR SELECT TO am_app_reader USING (visible);
