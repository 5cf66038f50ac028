CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, placed_on date NOT NULL);
INSERT INTO orders SELECT g, g % 100, date '2026-01-01' + (g % 300) FROM generate_series(1, 5000) g;
CREATE INDEX orders_customer_idx ON orders (customer_id);
COMMENT ON INDEX orders_customer_idx IS 'superseded by orders_customer_placed_idx';
CREATE INDEX orders_placed_idx ON orders (placed_on);
