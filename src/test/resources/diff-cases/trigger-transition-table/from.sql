CREATE TABLE public.stock_moves (id bigint PRIMARY KEY, item text NOT NULL, qty integer NOT NULL);
CREATE TABLE public.stock_totals (item text PRIMARY KEY, qty bigint NOT NULL DEFAULT 0);
CREATE FUNCTION public.apply_stock_moves() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO public.stock_totals AS t (item, qty)
    SELECT item, sum(qty) FROM new_moves GROUP BY item
    ON CONFLICT (item) DO UPDATE SET qty = t.qty + EXCLUDED.qty;
    RETURN NULL;
END
$$;
