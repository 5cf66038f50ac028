CREATE TABLE public.notes (id integer PRIMARY KEY, owner text NOT NULL, body text);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_owner ON public.notes USING (owner = current_user);
