CREATE FUNCTION public.area(radius double precision) RETURNS double precision
    LANGUAGE sql IMMUTABLE AS $$ SELECT pi() * radius * radius $$;
