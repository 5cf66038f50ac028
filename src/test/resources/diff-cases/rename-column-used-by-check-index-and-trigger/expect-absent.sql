DROP INDEX public.accounts_bal_idx;
DROP TRIGGER accounts_stamp ON public.accounts;
DROP CONSTRAINT accounts_bal_check;
