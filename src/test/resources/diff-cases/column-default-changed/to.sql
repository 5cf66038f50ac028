CREATE TABLE public.accounts (id integer PRIMARY KEY, credit_limit numeric(10, 2) NOT NULL DEFAULT 250.00);
