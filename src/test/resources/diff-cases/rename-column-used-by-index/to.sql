CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    customer_id integer NOT NULL -- automigrate:renamed-from cust
);
CREATE INDEX orders_cust_idx ON public.orders (customer_id);
