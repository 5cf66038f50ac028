CREATE FUNCTION public.heavy_report() RETURNS integer
    LANGUAGE plpgsql
    AS $$ BEGIN RETURN 1; END $$;
