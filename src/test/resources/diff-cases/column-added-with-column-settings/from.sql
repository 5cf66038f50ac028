CREATE TABLE public.photos (id integer PRIMARY KEY);
