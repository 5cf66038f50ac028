CREATE TABLE public.accounts (id integer PRIMARY KEY);
CREATE TABLE public.transfers (
    id integer PRIMARY KEY,
    account_id integer NOT NULL,
    CONSTRAINT transfers_account_fkey FOREIGN KEY (account_id) REFERENCES public.accounts (id)
);
