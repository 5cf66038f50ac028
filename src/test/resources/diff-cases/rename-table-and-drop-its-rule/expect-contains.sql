ALTER TABLE public.drafts RENAME TO posts;
