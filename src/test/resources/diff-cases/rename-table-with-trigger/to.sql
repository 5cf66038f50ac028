CREATE TABLE public.documents ( -- automigrate:renamed-from docs
    id integer PRIMARY KEY,
    body text,
    touched_at timestamp
);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched_at := now(); RETURN NEW; END $$;
CREATE TRIGGER docs_touch BEFORE UPDATE ON public.documents FOR EACH ROW EXECUTE FUNCTION public.touch();
