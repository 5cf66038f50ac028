CREATE TABLE public.warehouses (
    id integer PRIMARY KEY,
    code text NOT NULL UNIQUE
);
