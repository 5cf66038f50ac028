ALTER TABLE public.accounts RENAME COLUMN balance TO funds;
