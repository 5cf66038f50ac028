CREATE TABLE public.customers (id bigint PRIMARY KEY);
CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES public.customers (id)
);
