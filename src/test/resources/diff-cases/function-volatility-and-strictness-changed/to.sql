CREATE FUNCTION public.slugify(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT regexp_replace(lower(t), '[^a-z0-9]+', '-', 'g') $$;
