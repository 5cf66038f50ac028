CREATE TABLE public.order_lines (
    id integer PRIMARY KEY,
    quantity integer NOT NULL,
    unit_price_cents integer NOT NULL,
    total_cents bigint GENERATED ALWAYS AS (quantity::bigint * unit_price_cents) STORED
);
