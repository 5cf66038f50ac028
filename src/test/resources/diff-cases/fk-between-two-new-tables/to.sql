CREATE TABLE public.authors (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE public.books (
    id integer PRIMARY KEY,
    title text NOT NULL,
    author_id integer NOT NULL REFERENCES public.authors (id)
);
CREATE TABLE public.book_reviews (
    book_id integer NOT NULL REFERENCES public.books (id) ON DELETE CASCADE,
    reviewer_id integer NOT NULL REFERENCES public.authors (id),
    stars smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
    PRIMARY KEY (book_id, reviewer_id)
);
