CREATE TABLE public.people (id integer PRIMARY KEY, name character varying(40) NOT NULL);
CREATE VIEW public.people_names AS SELECT id, name FROM public.people;
CREATE RULE people_names_insert AS ON INSERT TO public.people_names
    DO INSTEAD INSERT INTO public.people (id, name) VALUES (NEW.id, NEW.name);
