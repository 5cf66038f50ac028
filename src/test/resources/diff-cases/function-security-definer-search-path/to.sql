CREATE TABLE public.secrets (id integer PRIMARY KEY, value text NOT NULL);
CREATE FUNCTION public.secret_count() RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
    AS $$ SELECT count(*) FROM public.secrets $$;
