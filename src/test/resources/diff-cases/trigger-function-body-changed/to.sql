CREATE TABLE public.posts (id integer PRIMARY KEY, title text NOT NULL, slug text);
CREATE FUNCTION public.make_slug() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN NEW.slug := regexp_replace(lower(NEW.title), '[^a-z0-9]+', '-', 'g'); RETURN NEW; END $$;
CREATE TRIGGER posts_slug BEFORE INSERT OR UPDATE ON public.posts FOR EACH ROW EXECUTE FUNCTION public.make_slug();
