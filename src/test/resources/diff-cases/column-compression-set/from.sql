CREATE TABLE public.logs (id bigint PRIMARY KEY, payload jsonb);
