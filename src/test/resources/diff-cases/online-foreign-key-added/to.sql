CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE invoices (
    id bigint PRIMARY KEY,
    customer_id bigint CONSTRAINT invoices_customer_fk REFERENCES customers (id) ON DELETE RESTRICT,
    total numeric(12,2) NOT NULL
);
COMMENT ON CONSTRAINT invoices_customer_fk ON invoices IS 'every invoice names a known customer';
