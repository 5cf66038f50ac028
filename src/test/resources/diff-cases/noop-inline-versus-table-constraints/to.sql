CREATE TABLE public.accounts (
    id integer,
    email text NOT NULL,
    balance integer,
    CONSTRAINT accounts_pkey PRIMARY KEY (id),
    CONSTRAINT accounts_email_key UNIQUE (email),
    CONSTRAINT accounts_balance_check CHECK (balance >= 0)
);
