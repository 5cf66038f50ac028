CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    updated_at timestamptz DEFAULT clock_timestamp()
);
