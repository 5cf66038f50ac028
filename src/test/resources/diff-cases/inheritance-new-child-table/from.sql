CREATE TABLE public.documents (id integer PRIMARY KEY, title text NOT NULL);
