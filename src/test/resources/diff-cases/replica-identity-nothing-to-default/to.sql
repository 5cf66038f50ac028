CREATE TABLE public.audit (at timestamptz NOT NULL, line text);
