CREATE TABLE public.notes (
    id integer PRIMARY KEY,
    owner_name text NOT NULL, -- automigrate:renamed-from usr
    body text
);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_owner ON public.notes USING (owner_name = current_user);
CREATE VIEW public.note_owners AS SELECT DISTINCT owner_name AS usr FROM public.notes;
