CREATE TABLE public.tags (id integer PRIMARY KEY, label text NOT NULL);
