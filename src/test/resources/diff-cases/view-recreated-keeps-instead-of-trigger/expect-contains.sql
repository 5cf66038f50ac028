DROP VIEW public.people_names;
CREATE TRIGGER people_names_insert INSTEAD OF INSERT ON public.people_names
