CREATE TABLE public.users (id integer PRIMARY KEY, phone text);
