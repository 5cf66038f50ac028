COMMENT ON COLUMN public.invoices.due_on
