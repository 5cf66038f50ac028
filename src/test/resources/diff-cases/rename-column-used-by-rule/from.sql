CREATE TABLE public.accounts (
    id integer PRIMARY KEY,
    balance numeric(12,2) NOT NULL DEFAULT 0
);
-- a balance never goes below zero through an update
CREATE RULE accounts_no_overdraft AS ON UPDATE TO public.accounts
    WHERE NEW.balance < 0 DO INSTEAD NOTHING;
