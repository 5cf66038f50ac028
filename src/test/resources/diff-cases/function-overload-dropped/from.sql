CREATE FUNCTION public.greet(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'Hello, ' || name $$;
CREATE FUNCTION public.greet(name text, lang text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE lang WHEN 'nl' THEN 'Hallo, ' ELSE 'Hello, ' END || name $$;
