ALTER TABLE public.ledger DISABLE RULE ledger_no_delete;
COMMENT ON RULE ledger_no_delete ON public.ledger IS 'off during the archive migration';
