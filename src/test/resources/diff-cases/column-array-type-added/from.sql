CREATE TABLE public.posts (id integer PRIMARY KEY, title text NOT NULL);
