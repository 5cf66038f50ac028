DROP POLICY notes_author ON public.memos;
DROP TRIGGER notes_edited ON public.memos;
DROP VIEW public.note_authors;
