CREATE TABLE public.purchases (
    id integer PRIMARY KEY,
    vendor_id integer,
    amount numeric(10, 2)
);
