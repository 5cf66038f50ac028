CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, placed_on date NOT NULL);
CREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_on);
