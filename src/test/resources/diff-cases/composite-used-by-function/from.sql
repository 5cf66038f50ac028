CREATE TYPE public.point2 AS (x double precision, y double precision);
CREATE FUNCTION public.norm(p public.point2) RETURNS double precision
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT sqrt(p.x * p.x + p.y * p.y) $$;
