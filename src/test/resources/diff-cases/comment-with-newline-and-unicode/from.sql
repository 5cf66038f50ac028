CREATE TABLE public.cafes (id integer PRIMARY KEY, name text NOT NULL);
