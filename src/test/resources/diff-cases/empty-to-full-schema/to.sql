CREATE EXTENSION citext;
CREATE SCHEMA shop;
COMMENT ON SCHEMA shop IS 'The web shop';
CREATE TYPE shop.order_status AS ENUM ('cart', 'placed', 'paid', 'shipped', 'cancelled');
CREATE DOMAIN shop.money_cents AS bigint CHECK (VALUE >= 0);
CREATE TYPE shop.address AS (street text, city text, postal_code text, country char(2));
CREATE SEQUENCE shop.invoice_number_seq START WITH 10000;
CREATE TABLE shop.customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email citext NOT NULL UNIQUE,
    name text NOT NULL,
    address shop.address,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE shop.products (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku text NOT NULL UNIQUE,
    name text NOT NULL,
    price shop.money_cents NOT NULL,
    attributes jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX products_attributes_idx ON shop.products USING gin (attributes);
CREATE TABLE shop.orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES shop.customers (id),
    status shop.order_status NOT NULL DEFAULT 'cart',
    invoice_number bigint UNIQUE DEFAULT nextval('shop.invoice_number_seq'),
    placed_at timestamptz
);
CREATE INDEX orders_customer_idx ON shop.orders (customer_id, placed_at DESC);
CREATE TABLE shop.order_lines (
    order_id bigint NOT NULL REFERENCES shop.orders (id) ON DELETE CASCADE,
    product_id bigint NOT NULL REFERENCES shop.products (id),
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price shop.money_cents NOT NULL,
    line_total bigint GENERATED ALWAYS AS (quantity * unit_price) STORED,
    PRIMARY KEY (order_id, product_id)
);
CREATE FUNCTION shop.order_total(p_order bigint) RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(sum(line_total), 0)::bigint FROM shop.order_lines WHERE order_id = p_order $$;
CREATE VIEW shop.order_summaries AS
    SELECT o.id, c.email, o.status, shop.order_total(o.id) AS total
    FROM shop.orders o JOIN shop.customers c ON c.id = o.customer_id;
CREATE MATERIALIZED VIEW shop.product_sales AS
    SELECT product_id, sum(quantity) AS sold FROM shop.order_lines GROUP BY product_id;
CREATE UNIQUE INDEX product_sales_product_idx ON shop.product_sales (product_id);
CREATE FUNCTION shop.stamp_placed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.status = 'placed' AND OLD.status = 'cart' THEN
        NEW.placed_at := now();
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER orders_stamp_placed BEFORE UPDATE OF status ON shop.orders
    FOR EACH ROW EXECUTE FUNCTION shop.stamp_placed();
ALTER TABLE shop.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_own ON shop.orders
    USING (customer_id = nullif(current_setting('shop.customer_id', true), '')::bigint);
COMMENT ON TABLE shop.orders IS 'One row per checkout';
