CREATE PROCEDURE public.noop() LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;
