CREATE TABLE public.orders (id integer PRIMARY KEY);
COMMENT ON TABLE public.orders IS 'Customer orders';
