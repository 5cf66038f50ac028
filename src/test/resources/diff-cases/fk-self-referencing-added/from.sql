CREATE TABLE public.comments (
    id bigint PRIMARY KEY,
    body text NOT NULL
);
