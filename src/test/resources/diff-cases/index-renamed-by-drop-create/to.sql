CREATE TABLE public.orders (id integer PRIMARY KEY, status text NOT NULL);
CREATE INDEX orders_status_idx ON public.orders (status);
