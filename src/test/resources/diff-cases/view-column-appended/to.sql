CREATE TABLE public.users (id integer PRIMARY KEY, name text NOT NULL, email text NOT NULL, active boolean NOT NULL);
CREATE VIEW public.active_users AS SELECT id, name, email FROM public.users WHERE active;
