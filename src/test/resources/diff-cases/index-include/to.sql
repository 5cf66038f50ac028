CREATE TABLE public.accounts (id integer PRIMARY KEY, email text NOT NULL, name text, balance numeric);
CREATE INDEX accounts_email_covering_idx ON public.accounts (email) INCLUDE (name, balance);
