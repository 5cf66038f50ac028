CREATE FUNCTION public.celsius_to_fahrenheit(celsius numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE AS $$ SELECT celsius * 9 / 5 + 32 $$;
