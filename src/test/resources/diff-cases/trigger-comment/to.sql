CREATE TABLE public.items (id integer PRIMARY KEY, updated_at timestamptz);
CREATE FUNCTION public.stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE TRIGGER items_stamp BEFORE UPDATE ON public.items FOR EACH ROW EXECUTE FUNCTION public.stamp();
COMMENT ON TRIGGER items_stamp ON public.items IS 'Keeps updated_at current';
