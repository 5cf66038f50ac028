CREATE FUNCTION public.area(radius double precision) RETURNS double precision
    LANGUAGE sql IMMUTABLE AS $$ SELECT pi() * radius * radius $$;
CREATE FUNCTION public.area(width double precision, height double precision) RETURNS double precision
    LANGUAGE sql IMMUTABLE AS $$ SELECT width * height $$;
