CREATE TABLE public.accounts (id bigint PRIMARY KEY, handle text NOT NULL);
CREATE UNIQUE INDEX accounts_handle_key ON public.accounts (handle);
