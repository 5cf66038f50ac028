CREATE FUNCTION public.stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE TABLE public.articles ( -- automigrate:renamed-from article
    id integer PRIMARY KEY,
    body text,
    updated_at timestamptz
);
CREATE TRIGGER article_stamp BEFORE UPDATE ON public.articles FOR EACH ROW EXECUTE FUNCTION public.stamp();
