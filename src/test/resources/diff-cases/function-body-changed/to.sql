CREATE FUNCTION public.shipping_cost(weight_kg numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE
    AS $$
BEGIN
    IF weight_kg > 20 THEN
        RETURN 25;
    END IF;
    RETURN 5 + weight_kg * 0.75;
END
$$;
