CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint, total numeric(12,2) NOT NULL);
INSERT INTO customers SELECT g, 'c' || g FROM generate_series(1, 200) g;
INSERT INTO invoices SELECT g, CASE WHEN g % 10 = 0 THEN NULL ELSE g % 200 + 1 END, g FROM generate_series(1, 5000) g;
