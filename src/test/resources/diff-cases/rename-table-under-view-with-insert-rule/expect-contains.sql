ALTER TABLE public.contacts RENAME TO subscribers;
