ALTER TABLE public.payment_log RENAME TO payment_audit;
