CREATE TABLE public.prices (id integer PRIMARY KEY, amount numeric NOT NULL);
CREATE FUNCTION public.notify_prices_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('prices', 'changed'); RETURN NULL; END $$;
CREATE TRIGGER prices_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.prices
    FOR EACH STATEMENT EXECUTE FUNCTION public.notify_prices_changed();
