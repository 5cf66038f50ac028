CREATE TABLE public.books (id integer PRIMARY KEY, titel text NOT NULL, pages integer);
