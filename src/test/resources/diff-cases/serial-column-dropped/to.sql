CREATE TABLE public.legacy (id integer PRIMARY KEY, note text);
