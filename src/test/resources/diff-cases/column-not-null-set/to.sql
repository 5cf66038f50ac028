CREATE TABLE public.users (id integer PRIMARY KEY, email text NOT NULL);
