CREATE TABLE public.orders (id int NOT NULL, ref text NOT NULL);
CREATE UNIQUE INDEX orders_ref_idx ON public.orders (ref);
ALTER TABLE public.orders REPLICA IDENTITY USING INDEX orders_ref_idx;
