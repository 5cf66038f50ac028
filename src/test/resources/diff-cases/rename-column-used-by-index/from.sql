CREATE TABLE public.orders (id integer PRIMARY KEY, cust integer NOT NULL);
CREATE INDEX orders_cust_idx ON public.orders (cust);
