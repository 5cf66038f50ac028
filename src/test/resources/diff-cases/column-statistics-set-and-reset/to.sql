CREATE TABLE public.visits (id bigint PRIMARY KEY, country text, path text);
-- a skewed column gets a larger sample; path goes back to the default target
ALTER TABLE public.visits ALTER COLUMN country SET STATISTICS 1000;
