CREATE TABLE public.orders (id integer PRIMARY KEY, total numeric(10, 2) NOT NULL);
CREATE VIEW public.order_summary AS SELECT id, total * 1.21 AS total_with_vat FROM public.orders;
COMMENT ON COLUMN public.order_summary.total_with_vat IS 'Total including 21% VAT';
COMMENT ON VIEW public.order_summary IS 'Orders as shown on invoices';
