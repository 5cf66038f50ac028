CREATE TABLE public.events (id bigint PRIMARY KEY, payload jsonb);
