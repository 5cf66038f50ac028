CREATE TABLE public.authors (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.books (
    id integer PRIMARY KEY,
    author_id integer NOT NULL,
    title text NOT NULL,
    CONSTRAINT books_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.authors (id)
);
CREATE INDEX books_title_idx ON public.books (title);
CREATE TYPE public.genre AS ENUM ('fiction', 'poetry');
CREATE SEQUENCE public.isbn_seq;
COMMENT ON TABLE public.books IS 'Books';
