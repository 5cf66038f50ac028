DROP RULE ledger_no_delete ON public.ledger;
