CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    total numeric(10, 2),
    CONSTRAINT orders_total_positive CHECK (total > 0)
);
