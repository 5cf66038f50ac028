CREATE TABLE public.accounts (id integer PRIMARY KEY, email text NOT NULL, email_verified boolean NOT NULL DEFAULT false);
CREATE FUNCTION public.reset_verification() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN NEW.email_verified := false; RETURN NEW; END $$;
CREATE TRIGGER accounts_email_changed BEFORE UPDATE ON public.accounts
    FOR EACH ROW EXECUTE FUNCTION public.reset_verification();
