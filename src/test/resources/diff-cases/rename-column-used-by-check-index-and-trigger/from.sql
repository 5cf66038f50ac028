CREATE TABLE public.accounts (id integer PRIMARY KEY, bal numeric NOT NULL CHECK (bal >= 0), updated_at timestamp);
CREATE INDEX accounts_bal_idx ON public.accounts (bal) WHERE bal > 0;
CREATE FUNCTION public.stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE TRIGGER accounts_stamp BEFORE UPDATE OF bal ON public.accounts FOR EACH ROW EXECUTE FUNCTION public.stamp();
