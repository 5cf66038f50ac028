CREATE TABLE public.tasks (id integer PRIMARY KEY, status text NOT NULL);
