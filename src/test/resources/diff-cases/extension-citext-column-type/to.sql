CREATE EXTENSION citext;
CREATE TABLE public.accounts (
    id integer PRIMARY KEY,
    email citext NOT NULL
);
CREATE UNIQUE INDEX accounts_email_key ON public.accounts (email);
