CREATE TABLE public.posts (id integer PRIMARY KEY, author text NOT NULL, published boolean NOT NULL DEFAULT false, body text);
ALTER TABLE public.posts ENABLE ROW LEVEL SECURITY;
CREATE POLICY posts_read ON public.posts FOR SELECT USING (published OR author = current_user);
CREATE POLICY posts_write ON public.posts FOR INSERT WITH CHECK (author = current_user);
CREATE POLICY posts_edit ON public.posts FOR UPDATE USING (author = current_user) WITH CHECK (author = current_user);
CREATE POLICY posts_remove ON public.posts FOR DELETE USING (author = current_user AND NOT published);
