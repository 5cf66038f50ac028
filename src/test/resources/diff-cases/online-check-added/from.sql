CREATE TABLE products (id bigint PRIMARY KEY, price numeric(10,2) NOT NULL, stock integer NOT NULL DEFAULT 0);
INSERT INTO products SELECT g, g / 10.0, g % 50 FROM generate_series(1, 5000) g;
