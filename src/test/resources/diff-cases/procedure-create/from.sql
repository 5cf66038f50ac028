CREATE TABLE public.accounts (id integer PRIMARY KEY, balance numeric(12, 2) NOT NULL DEFAULT 0);
