CREATE TABLE public.books (
    id integer PRIMARY KEY,
    title text NOT NULL, -- automigrate:renamed-from titel
    isbn text,
    pages integer
);
