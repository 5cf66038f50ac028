DROP VIEW public.people_names;
CREATE RULE people_names_insert AS
