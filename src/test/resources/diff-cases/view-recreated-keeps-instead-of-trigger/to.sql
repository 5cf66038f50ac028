CREATE TABLE public.people (id integer PRIMARY KEY, given text NOT NULL, family text NOT NULL);
CREATE VIEW public.people_names AS SELECT id::bigint AS id, given || ' ' || family AS full_name FROM public.people;
CREATE FUNCTION public.people_names_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO public.people (id, given, family)
    VALUES (NEW.id, split_part(NEW.full_name, ' ', 1), split_part(NEW.full_name, ' ', 2));
    RETURN NEW;
END
$$;
CREATE TRIGGER people_names_insert INSTEAD OF INSERT ON public.people_names
    FOR EACH ROW EXECUTE FUNCTION public.people_names_insert();
COMMENT ON TRIGGER people_names_insert ON public.people_names IS 'splits the name';
