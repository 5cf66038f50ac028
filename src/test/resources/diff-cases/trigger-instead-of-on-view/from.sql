CREATE TABLE public.people (id integer PRIMARY KEY, given text NOT NULL, family text NOT NULL);
CREATE VIEW public.people_names AS SELECT id, given || ' ' || family AS full_name FROM public.people;
