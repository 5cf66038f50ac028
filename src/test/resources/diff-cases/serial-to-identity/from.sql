CREATE TABLE public.customers (
    id serial PRIMARY KEY,
    name text NOT NULL
);
