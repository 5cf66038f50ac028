CREATE FUNCTION public.add_vat(amount numeric, rate numeric DEFAULT 0.21) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS 'SELECT round(amount * (1 + rate), 2)';
