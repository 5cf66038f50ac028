CREATE TABLE public.things (id integer PRIMARY KEY, name text);
