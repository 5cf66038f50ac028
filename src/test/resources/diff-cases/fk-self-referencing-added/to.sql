CREATE TABLE public.comments (
    id bigint PRIMARY KEY,
    body text NOT NULL,
    reply_to bigint REFERENCES public.comments (id) ON DELETE SET NULL
);
