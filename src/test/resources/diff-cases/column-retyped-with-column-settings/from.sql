CREATE TABLE public.notes (id integer PRIMARY KEY, title character varying(80), body character varying(4000));
ALTER TABLE public.notes ALTER COLUMN body SET STORAGE EXTERNAL, ALTER COLUMN body SET STATISTICS 200,
    ALTER COLUMN body SET COMPRESSION pglz;
