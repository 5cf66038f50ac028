CREATE TABLE public.order_lines (
    id integer PRIMARY KEY,
    quantity integer NOT NULL,
    unit_price_cents integer NOT NULL
);
