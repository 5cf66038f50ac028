CREATE TABLE public.posts ( -- automigrate:renamed-from drafts
    id integer PRIMARY KEY,
    body text
);
CREATE TABLE public.draft_trash (id integer, body text);
CREATE RULE drafts_keep_body AS ON UPDATE TO public.posts
    WHERE NEW.body IS NULL DO INSTEAD NOTHING;
