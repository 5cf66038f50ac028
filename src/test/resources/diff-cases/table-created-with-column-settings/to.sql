CREATE TABLE public.authors (id integer PRIMARY KEY);
CREATE TABLE public.books (
    id integer PRIMARY KEY,
    author_id integer REFERENCES public.authors (id),
    isbn text,
    content text COMPRESSION pglz
);
ALTER TABLE public.books ALTER COLUMN content SET STORAGE EXTERNAL, ALTER COLUMN author_id SET STATISTICS 400;
