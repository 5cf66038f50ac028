CREATE TABLE public.prices (id integer PRIMARY KEY, amount numeric(12, 4) NOT NULL);
