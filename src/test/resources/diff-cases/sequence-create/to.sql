CREATE SEQUENCE public.invoice_number_seq AS integer START WITH 1000 INCREMENT BY 1 MINVALUE 1000 MAXVALUE 999999 CACHE 1;
COMMENT ON SEQUENCE public.invoice_number_seq IS 'Human-facing invoice numbers';
