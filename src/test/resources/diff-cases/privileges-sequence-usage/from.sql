DO $$ BEGIN CREATE ROLE am_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SEQUENCE public.order_number_seq;
