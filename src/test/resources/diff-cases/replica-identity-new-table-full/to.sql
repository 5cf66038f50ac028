CREATE TABLE public.changes (id bigint, note text);
ALTER TABLE public.changes REPLICA IDENTITY FULL;
