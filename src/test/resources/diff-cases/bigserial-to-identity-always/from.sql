CREATE TABLE public.events (
    id bigserial PRIMARY KEY,
    kind text NOT NULL,
    payload jsonb
);
