CREATE TABLE public.pets (id integer PRIMARY KEY, nm text NOT NULL, species text);
