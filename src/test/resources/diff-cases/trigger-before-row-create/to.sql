CREATE TABLE public.documents (id integer PRIMARY KEY, body text, updated_at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION public.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER documents_touch BEFORE UPDATE ON public.documents
    FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();
