CREATE TABLE public.contacts (id integer PRIMARY KEY, phone text);
