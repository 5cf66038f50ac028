CREATE TABLE public.ledger (id bigint PRIMARY KEY, amount numeric(12,2) NOT NULL);
CREATE RULE ledger_no_delete AS ON DELETE TO public.ledger DO INSTEAD NOTHING;
ALTER TABLE public.ledger DISABLE RULE ledger_no_delete;
COMMENT ON RULE ledger_no_delete ON public.ledger IS 'off during the archive migration';
