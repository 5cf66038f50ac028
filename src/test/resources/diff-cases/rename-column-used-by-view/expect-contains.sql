ALTER TABLE public.cities RENAME COLUMN nm TO name;
