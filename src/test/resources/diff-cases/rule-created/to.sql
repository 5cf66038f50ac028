CREATE TABLE public.ledger (id bigint PRIMARY KEY, amount numeric(12,2) NOT NULL);
-- ledger rows are never deleted
CREATE RULE ledger_no_delete AS ON DELETE TO public.ledger DO INSTEAD NOTHING;
