CREATE TABLE public.notes (id integer PRIMARY KEY, body text);
