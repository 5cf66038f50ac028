CREATE TABLE public.sessions (
    token text PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);
