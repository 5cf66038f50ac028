ALTER TABLE public.customers ADD COLUMN email text;
