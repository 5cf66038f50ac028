CREATE TYPE public.post_state AS ENUM ('draft', 'published');
CREATE TABLE public.posts (id integer PRIMARY KEY, state public.post_state NOT NULL DEFAULT 'published', body text);
CREATE VIEW public.live_posts AS SELECT id, body FROM public.posts WHERE state = 'published';
