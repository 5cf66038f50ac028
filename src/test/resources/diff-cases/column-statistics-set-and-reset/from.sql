CREATE TABLE public.visits (id bigint PRIMARY KEY, country text, path text);
ALTER TABLE public.visits ALTER COLUMN path SET STATISTICS 50;
