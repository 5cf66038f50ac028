CREATE EXTENSION pg_trgm;
CREATE TABLE public.articles (
    id integer PRIMARY KEY,
    title text NOT NULL
);
CREATE INDEX articles_title_trgm_idx ON public.articles USING gin (title gin_trgm_ops);
