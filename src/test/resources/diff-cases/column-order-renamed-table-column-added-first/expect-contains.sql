ALTER TABLE public.staff_log RENAME TO audit_log;
