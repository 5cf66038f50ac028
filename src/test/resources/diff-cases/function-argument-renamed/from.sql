CREATE FUNCTION public.celsius_to_fahrenheit(c numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE AS $$ SELECT c * 9 / 5 + 32 $$;
