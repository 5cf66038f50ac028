CREATE TABLE public.invoices (id integer PRIMARY KEY, due_on date NOT NULL);
COMMENT ON COLUMN public.invoices.due_on IS 'Payment due date in the customer''s time zone';
