CREATE TABLE public.ledger (id bigint PRIMARY KEY, amount numeric(12,2) NOT NULL);
