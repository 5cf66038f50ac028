CREATE TABLE public.products (
    id integer PRIMARY KEY,
    price integer NOT NULL
);
