CREATE TABLE public.projects (code text NOT NULL UNIQUE, id integer NOT NULL, CONSTRAINT projects_pkey PRIMARY KEY (id));
CREATE TABLE public.issues (id integer PRIMARY KEY, project_id integer REFERENCES public.projects (id));
