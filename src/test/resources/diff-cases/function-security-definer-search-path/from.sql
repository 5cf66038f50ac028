CREATE TABLE public.secrets (id integer PRIMARY KEY, value text NOT NULL);
CREATE FUNCTION public.secret_count() RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM public.secrets $$;
