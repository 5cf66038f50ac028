CREATE TABLE public.comments (id integer PRIMARY KEY, author text NOT NULL, body text NOT NULL);
ALTER TABLE public.comments ENABLE ROW LEVEL SECURITY;
CREATE POLICY comments_insert ON public.comments FOR INSERT WITH CHECK (author = current_user);
