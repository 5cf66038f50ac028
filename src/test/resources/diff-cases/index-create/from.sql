CREATE TABLE public.orders (id integer PRIMARY KEY, customer_id integer NOT NULL, placed_at timestamptz NOT NULL);
