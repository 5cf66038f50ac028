CREATE FUNCTION public.heavy_report() RETURNS integer
    LANGUAGE plpgsql
    COST 1000
    SET work_mem = '64MB'
    SET statement_timeout = '5min'
    AS $$ BEGIN RETURN 1; END $$;
