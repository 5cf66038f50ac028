CREATE TABLE public.orders (id integer PRIMARY KEY, placed_at timestamptz NOT NULL);
COMMENT ON TABLE public.orders IS 'One row per checkout; never deleted';
