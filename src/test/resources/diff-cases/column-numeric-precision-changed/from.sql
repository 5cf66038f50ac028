CREATE TABLE public.prices (id integer PRIMARY KEY, amount numeric(8, 2) NOT NULL);
