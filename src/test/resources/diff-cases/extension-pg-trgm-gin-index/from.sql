CREATE TABLE public.articles (
    id integer PRIMARY KEY,
    title text NOT NULL
);
