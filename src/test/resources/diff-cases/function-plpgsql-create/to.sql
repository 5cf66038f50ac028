CREATE FUNCTION public.fizzbuzz(n integer) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    AS $$
BEGIN
    IF n % 15 = 0 THEN
        RETURN 'FizzBuzz';
    ELSIF n % 3 = 0 THEN
        RETURN 'Fizz';
    ELSIF n % 5 = 0 THEN
        RETURN 'Buzz';
    END IF;
    RETURN n::text;
END
$$;
