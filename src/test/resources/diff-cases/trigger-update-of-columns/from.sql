CREATE TABLE public.products (id integer PRIMARY KEY, price numeric NOT NULL, name text NOT NULL);
CREATE TABLE public.price_history (product_id integer NOT NULL, price numeric NOT NULL, changed_at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION public.record_price() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.price_history (product_id, price) VALUES (NEW.id, NEW.price); RETURN NULL; END $$;
