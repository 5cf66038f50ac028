CREATE TABLE public.parcels (
    id integer PRIMARY KEY,
    state text NOT NULL,
    changed_at timestamp with time zone
);
CREATE FUNCTION public.parcels_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER parcels_stamp BEFORE UPDATE ON public.parcels
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION public.parcels_stamp();
