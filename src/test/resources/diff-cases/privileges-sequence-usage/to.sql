DO $$ BEGIN CREATE ROLE am_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SEQUENCE public.order_number_seq;
GRANT USAGE, SELECT ON SEQUENCE public.order_number_seq TO am_app;
