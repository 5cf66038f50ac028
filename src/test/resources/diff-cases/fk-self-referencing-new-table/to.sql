CREATE TABLE public.categories (
    id integer PRIMARY KEY,
    parent_id integer REFERENCES public.categories (id) ON DELETE CASCADE,
    name text NOT NULL
);
