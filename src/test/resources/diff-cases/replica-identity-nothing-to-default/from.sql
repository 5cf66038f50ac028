CREATE TABLE public.audit (at timestamptz NOT NULL, line text);
ALTER TABLE public.audit REPLICA IDENTITY NOTHING;
