CREATE RULE ledger_no_delete AS ON DELETE TO public.ledger DO INSTEAD NOTHING;
