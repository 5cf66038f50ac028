CREATE TABLE products (
    id bigint PRIMARY KEY,
    price numeric(10,2) NOT NULL CONSTRAINT products_price_positive CHECK (price > 0),
    stock integer NOT NULL DEFAULT 0,
    CONSTRAINT products_stock_sane CHECK (stock >= 0 AND stock < 1000000)
);
