CREATE TABLE public.sales (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10, 2) NOT NULL);
