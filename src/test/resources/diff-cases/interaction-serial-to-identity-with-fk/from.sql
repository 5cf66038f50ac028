CREATE TABLE public.authors (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.posts (id serial PRIMARY KEY, author_id integer NOT NULL REFERENCES public.authors (id));
