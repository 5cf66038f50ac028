CREATE TABLE public.photos (id integer PRIMARY KEY, caption text, raw bytea);
ALTER TABLE public.photos ALTER COLUMN raw SET STORAGE EXTERNAL, ALTER COLUMN caption SET STATISTICS 10;
