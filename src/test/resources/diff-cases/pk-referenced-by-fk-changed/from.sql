CREATE TABLE public.projects (code text NOT NULL, id integer NOT NULL, CONSTRAINT projects_pkey PRIMARY KEY (code));
CREATE TABLE public.issues (id integer PRIMARY KEY, project_code text REFERENCES public.projects (code));
