CREATE TABLE public.licenses (
    id integer PRIMARY KEY,
    product text NOT NULL,
    seat integer,
    CONSTRAINT licenses_product_seat_key UNIQUE NULLS NOT DISTINCT (product, seat)
);
