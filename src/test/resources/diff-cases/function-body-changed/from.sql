CREATE FUNCTION public.shipping_cost(weight_kg numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE
    AS $$
BEGIN
    RETURN 5 + weight_kg * 0.5;
END
$$;
