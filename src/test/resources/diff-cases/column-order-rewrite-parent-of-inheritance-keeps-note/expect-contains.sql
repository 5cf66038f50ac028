ALTER TABLE public.vehicles ADD COLUMN maker text;
