CREATE TABLE public.notes (owner_name text NOT NULL, body text) PARTITION BY HASH (owner_name);
CREATE TABLE public.notes_0 PARTITION OF public.notes FOR VALUES WITH (MODULUS 1, REMAINDER 0);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.notes FORCE ROW LEVEL SECURITY;
CREATE POLICY notes_own ON public.notes USING (owner_name = current_user);
