CREATE TABLE public.users (id int PRIMARY KEY, email text NOT NULL);
