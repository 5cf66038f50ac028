ALTER TABLE public.tickets RENAME TO issues;
