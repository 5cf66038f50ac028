ALTER TABLE public.books RENAME COLUMN titel TO title;
