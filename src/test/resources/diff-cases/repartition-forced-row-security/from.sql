CREATE TABLE public.notes (owner_name text NOT NULL, body text);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.notes FORCE ROW LEVEL SECURITY;
CREATE POLICY notes_own ON public.notes USING (owner_name = current_user);
INSERT INTO public.notes VALUES ('somebody else', 'hidden from the owner by the forced policy');
