CREATE TABLE public.words (id integer PRIMARY KEY, word text NOT NULL);
