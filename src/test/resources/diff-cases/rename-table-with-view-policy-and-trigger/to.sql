CREATE TABLE public.memos ( -- automigrate:renamed-from notes
    id integer PRIMARY KEY,
    author text NOT NULL,
    body text,
    edited boolean NOT NULL DEFAULT false
);
ALTER TABLE public.memos ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_author ON public.memos FOR UPDATE USING (author = current_user) WITH CHECK (author = current_user);
CREATE FUNCTION public.mark_edited() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.edited := true; RETURN NEW; END $$;
CREATE TRIGGER notes_edited BEFORE UPDATE OF body ON public.memos FOR EACH ROW EXECUTE FUNCTION public.mark_edited();
CREATE VIEW public.note_authors AS SELECT n.author, count(*) AS notes FROM public.memos n GROUP BY n.author;
