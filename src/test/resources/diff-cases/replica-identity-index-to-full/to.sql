CREATE TABLE public.orders (id int NOT NULL, ref text NOT NULL);
ALTER TABLE public.orders REPLICA IDENTITY FULL;
