CREATE TABLE public.documents (id integer PRIMARY KEY, body text NOT NULL, digest bytea);
-- substring searches on body read it uncompressed; digests are small and kept in the row
ALTER TABLE public.documents ALTER COLUMN body SET STORAGE EXTERNAL, ALTER COLUMN digest SET STORAGE MAIN;
