CREATE TABLE public.events (id bigint PRIMARY KEY, payload jsonb);
ALTER TABLE public.events REPLICA IDENTITY FULL;
