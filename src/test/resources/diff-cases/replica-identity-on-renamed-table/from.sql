CREATE TABLE public.clients (id int PRIMARY KEY, name text);
ALTER TABLE public.clients REPLICA IDENTITY FULL;
