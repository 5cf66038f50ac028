CREATE TABLE public.orders (id integer PRIMARY KEY, customer text NOT NULL, total numeric(10, 2) NOT NULL);
