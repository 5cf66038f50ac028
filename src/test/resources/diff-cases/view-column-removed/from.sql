CREATE TABLE public.users (id integer PRIMARY KEY, name text NOT NULL, email text NOT NULL);
CREATE VIEW public.user_directory AS SELECT id, name, email FROM public.users;
