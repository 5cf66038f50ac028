CREATE TABLE public.authors (id integer PRIMARY KEY);
