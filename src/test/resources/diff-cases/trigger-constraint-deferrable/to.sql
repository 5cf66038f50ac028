CREATE TABLE public.ledger (id integer PRIMARY KEY, debit numeric NOT NULL DEFAULT 0, credit numeric NOT NULL DEFAULT 0);
CREATE FUNCTION public.check_ledger_balanced() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF (SELECT sum(debit) - sum(credit) FROM public.ledger) <> 0 THEN
        RAISE EXCEPTION 'ledger is not balanced';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER ledger_balanced AFTER INSERT OR UPDATE ON public.ledger
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION public.check_ledger_balanced();
