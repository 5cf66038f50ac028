CREATE SCHEMA billing;
COMMENT ON SCHEMA billing IS 'Invoices, payments and refunds';
