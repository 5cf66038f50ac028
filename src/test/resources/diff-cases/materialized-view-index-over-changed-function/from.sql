CREATE TABLE public.products (id integer PRIMARY KEY, name text NOT NULL);
CREATE FUNCTION public.normalize_name(n text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT lower(n) $$;
CREATE MATERIALIZED VIEW public.product_search AS SELECT id, name FROM public.products;
CREATE INDEX product_search_name_idx ON public.product_search (public.normalize_name(name));
