CREATE FUNCTION public.slugify(t text) RETURNS text
    LANGUAGE sql VOLATILE
    AS $$ SELECT regexp_replace(lower(t), '[^a-z0-9]+', '-', 'g') $$;
