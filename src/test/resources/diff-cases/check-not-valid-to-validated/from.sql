CREATE TABLE public.orders (id integer PRIMARY KEY, total numeric(10, 2));
ALTER TABLE public.orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) NOT VALID;
