CREATE FUNCTION public.stats(VARIADIC vals numeric[], OUT lo numeric, OUT hi numeric, OUT mean numeric)
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT min(v), max(v), avg(v) FROM unnest(vals) AS v $$;
