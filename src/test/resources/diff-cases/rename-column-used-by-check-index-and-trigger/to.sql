CREATE TABLE public.accounts (
    id integer PRIMARY KEY,
    balance numeric NOT NULL CONSTRAINT accounts_bal_check CHECK (balance >= 0), -- automigrate:renamed-from bal
    updated_at timestamp
);
CREATE INDEX accounts_bal_idx ON public.accounts (balance) WHERE balance > 0;
CREATE FUNCTION public.stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE TRIGGER accounts_stamp BEFORE UPDATE OF balance ON public.accounts FOR EACH ROW EXECUTE FUNCTION public.stamp();
