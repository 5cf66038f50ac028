CREATE TABLE public.users (id integer PRIMARY KEY, name text NOT NULL);
CREATE VIEW public.user_codes AS SELECT id, name FROM public.users;
