CREATE TABLE public.tasks (id integer PRIMARY KEY, due_on date);
