ALTER TABLE public.invoices ADD CONSTRAINT invoices_customer_fk FOREIGN KEY (customer_id) REFERENCES public.customers(id) ON DELETE RESTRICT NOT VALID;
ALTER TABLE public.invoices VALIDATE CONSTRAINT invoices_customer_fk;
