CREATE TABLE public.products (id integer PRIMARY KEY, price integer NOT NULL);
CREATE TABLE public.price_log (product_id integer NOT NULL, logged_at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION public.log_price() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.price_log (product_id) VALUES (NEW.id); RETURN NULL; END $$;
CREATE TRIGGER products_price_log AFTER UPDATE OF price ON public.products
    FOR EACH ROW EXECUTE FUNCTION public.log_price();
