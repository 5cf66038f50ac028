CREATE TABLE public.orders (id integer PRIMARY KEY, total numeric(12,2) NOT NULL);
CREATE TABLE public.big_orders (id integer, total integer);
CREATE RULE orders_big AS ON INSERT TO public.orders WHERE NEW.total > 1000
    DO ALSO INSERT INTO public.big_orders VALUES (NEW.id, NEW.total);
