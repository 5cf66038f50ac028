CREATE TABLE public.accounts (id integer PRIMARY KEY, owner text NOT NULL, secret text);
CREATE VIEW public.my_accounts AS SELECT id, owner FROM public.accounts WHERE owner = current_user;
