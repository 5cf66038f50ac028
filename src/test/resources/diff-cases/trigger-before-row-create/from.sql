CREATE TABLE public.documents (id integer PRIMARY KEY, body text, updated_at timestamptz NOT NULL DEFAULT now());
