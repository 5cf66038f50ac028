CREATE TABLE public.orders (id integer PRIMARY KEY, status text NOT NULL);
CREATE INDEX idx_orders_status ON public.orders (status);
