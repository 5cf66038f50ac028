CREATE TABLE public.people (id integer PRIMARY KEY, given text, family text);
CREATE VIEW public.names (person_id, display_name) AS SELECT id, given || ' ' || family FROM public.people;
