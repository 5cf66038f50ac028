CREATE TABLE public.people (id integer PRIMARY KEY, given text, family text);
