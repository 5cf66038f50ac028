DO $$ BEGIN CREATE ROLE am_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE FUNCTION public.price_with_tax(p numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT p * 1.21 $$;
