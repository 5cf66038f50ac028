CREATE SEQUENCE public.isbn_seq;
CREATE TYPE public.genre AS ENUM ('fiction', 'poetry');
CREATE TABLE public.books (
    id integer PRIMARY KEY,
    author_id integer NOT NULL,
    title text NOT NULL
);
COMMENT ON TABLE public.books IS 'Books';
CREATE INDEX books_title_idx ON public.books (title);
CREATE TABLE public.authors (id integer PRIMARY KEY, name text NOT NULL);
ALTER TABLE public.books ADD CONSTRAINT books_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.authors (id);
