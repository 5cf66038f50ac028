CREATE TABLE public.tasks (id integer PRIMARY KEY, owner text NOT NULL, done boolean NOT NULL DEFAULT false);
CREATE VIEW public.open_tasks AS SELECT id, owner, done FROM public.tasks WHERE NOT done;
