ALTER TABLE public.parcels RENAME COLUMN state TO status;
