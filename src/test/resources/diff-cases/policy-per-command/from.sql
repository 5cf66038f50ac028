CREATE TABLE public.posts (id integer PRIMARY KEY, author text NOT NULL, published boolean NOT NULL DEFAULT false, body text);
ALTER TABLE public.posts ENABLE ROW LEVEL SECURITY;
