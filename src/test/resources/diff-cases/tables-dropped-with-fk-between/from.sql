CREATE TABLE public.forums (id integer PRIMARY KEY, name text);
CREATE TABLE public.threads (
    id integer PRIMARY KEY,
    forum_id integer NOT NULL REFERENCES public.forums (id),
    title text
);
CREATE TABLE public.keep_me (id integer PRIMARY KEY);
