CREATE TABLE public.authors (
    id serial PRIMARY KEY,
    surname text NOT NULL,
    given_name text,
    born integer CHECK (born > 0)
);
COMMENT ON TABLE public.authors IS 'people who wrote something';
COMMENT ON COLUMN public.authors.surname IS 'family name';
CREATE INDEX authors_surname_idx ON public.authors (surname);
CREATE TABLE public.works (
    id serial PRIMARY KEY,
    author_id integer NOT NULL REFERENCES public.authors (id) ON DELETE CASCADE,
    title text NOT NULL
);
CREATE VIEW public.author_names AS SELECT id, given_name || ' ' || surname AS full_name FROM public.authors;
CREATE FUNCTION public.authors_trim() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.surname := btrim(NEW.surname);
    RETURN NEW;
END $$;
CREATE TRIGGER authors_trim BEFORE INSERT OR UPDATE ON public.authors
    FOR EACH ROW EXECUTE FUNCTION public.authors_trim();
ALTER TABLE public.authors ENABLE ROW LEVEL SECURITY;
CREATE POLICY authors_visible ON public.authors FOR SELECT USING (born IS NOT NULL);
INSERT INTO public.authors (surname, given_name, born) VALUES ('Lovelace', 'Ada', 1815), ('Hopper', 'Grace', 1906);
INSERT INTO public.works (author_id, title) VALUES (1, 'Notes'), (2, 'COBOL');
