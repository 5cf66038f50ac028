CREATE TABLE public.products (id integer PRIMARY KEY, stock integer NOT NULL);
