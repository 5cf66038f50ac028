ALTER TABLE public.events ADD COLUMN source
