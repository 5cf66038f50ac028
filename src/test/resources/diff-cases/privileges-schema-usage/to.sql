DO $$ BEGIN CREATE ROLE am_reporting NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA reports;
GRANT USAGE ON SCHEMA reports TO am_reporting;
