CREATE TABLE public.orders (
    id bigint NOT NULL,
    region text NOT NULL,
    total numeric(10,2),
    PRIMARY KEY (id, region)
);
ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_eu_only ON public.orders USING (region = 'eu');
CREATE FUNCTION public.orders_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.total := coalesce(NEW.total, 0); RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION public.orders_touch();
COMMENT ON COLUMN public.orders.total IS 'gross';
