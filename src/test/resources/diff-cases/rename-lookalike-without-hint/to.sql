CREATE TABLE public.users (id integer PRIMARY KEY, display_name text NOT NULL);
