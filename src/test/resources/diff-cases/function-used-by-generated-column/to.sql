CREATE FUNCTION public.net_price(gross numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE AS $$ SELECT round(gross / 1.09, 2) $$;
CREATE TABLE public.products (
    id integer PRIMARY KEY,
    gross_price numeric(10, 2) NOT NULL,
    net_price numeric GENERATED ALWAYS AS (public.net_price(gross_price)) STORED
);
