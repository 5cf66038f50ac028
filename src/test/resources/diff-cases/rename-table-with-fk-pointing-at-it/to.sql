CREATE TABLE public.writers ( -- automigrate:renamed-from authors
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE public.books (
    id integer PRIMARY KEY,
    author_id integer NOT NULL REFERENCES public.writers (id)
);
