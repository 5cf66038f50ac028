CREATE TABLE public.notes (id integer PRIMARY KEY, owner text NOT NULL, body text);
