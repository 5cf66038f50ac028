CREATE TABLE public.events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    kind text NOT NULL DEFAULT 'generic',
    payload jsonb NOT NULL
);
