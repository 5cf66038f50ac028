CREATE TABLE public.orders (id integer PRIMARY KEY, ref text);
CREATE INDEX orders_ref_idx ON public.orders (ref);
