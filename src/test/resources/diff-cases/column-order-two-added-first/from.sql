CREATE TABLE public.events (
    payload jsonb NOT NULL
);
