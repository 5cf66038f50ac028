CREATE TABLE public.events (id bigint PRIMARY KEY, attributes jsonb NOT NULL DEFAULT '{}');
