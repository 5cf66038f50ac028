CREATE TABLE public.accounts (
    id integer PRIMARY KEY,
    funds numeric(12,2) NOT NULL DEFAULT 0 -- automigrate:renamed-from balance
);
-- a balance never goes below zero through an update
CREATE RULE accounts_no_overdraft AS ON UPDATE TO public.accounts
    WHERE NEW.funds < 0 DO INSTEAD NOTHING;
