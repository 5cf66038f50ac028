CREATE TABLE public.notes (id integer PRIMARY KEY, usr text NOT NULL, body text);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_owner ON public.notes USING (usr = current_user);
CREATE VIEW public.note_owners AS SELECT DISTINCT usr FROM public.notes;
