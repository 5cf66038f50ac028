CREATE TABLE public.receipts (id integer PRIMARY KEY, issued_at timestamptz NOT NULL DEFAULT now());
