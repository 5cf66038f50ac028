CREATE TABLE public.codes (id integer PRIMARY KEY, code varchar(16));
