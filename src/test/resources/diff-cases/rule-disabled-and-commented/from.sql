CREATE TABLE public.ledger (id bigint PRIMARY KEY, amount numeric(12,2) NOT NULL);
CREATE RULE ledger_no_delete AS ON DELETE TO public.ledger DO INSTEAD NOTHING;
