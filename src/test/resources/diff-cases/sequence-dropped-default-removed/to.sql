CREATE TABLE public.orders (id integer PRIMARY KEY, legacy_number bigint);
