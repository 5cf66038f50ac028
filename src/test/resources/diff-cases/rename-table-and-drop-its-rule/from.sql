CREATE TABLE public.drafts (
    id integer PRIMARY KEY,
    body text
);
CREATE TABLE public.draft_trash (id integer, body text);
CREATE RULE drafts_to_trash AS ON DELETE TO public.drafts
    DO ALSO INSERT INTO public.draft_trash VALUES (OLD.id, OLD.body);
CREATE RULE drafts_keep_body AS ON UPDATE TO public.drafts
    WHERE NEW.body IS NULL DO INSTEAD NOTHING;
