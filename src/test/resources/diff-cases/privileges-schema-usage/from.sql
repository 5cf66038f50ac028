DO $$ BEGIN CREATE ROLE am_reporting NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA reports;
