CREATE TABLE public.posts (
    id integer PRIMARY KEY,
    title text NOT NULL,
    tags text[] NOT NULL DEFAULT ARRAY[]::text[],
    scores integer[]
);
