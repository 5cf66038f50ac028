ALTER TABLE public.tags ADD COLUMN color text;
