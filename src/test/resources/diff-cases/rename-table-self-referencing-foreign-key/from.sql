CREATE TABLE public.nodes (id integer PRIMARY KEY, parent_id integer REFERENCES public.nodes (id));
