ALTER TABLE public.readings RENAME TO measurements;
