CREATE TABLE public.products (
    id integer PRIMARY KEY,
    price numeric(10, 2) NOT NULL,
    discount_price numeric(10, 2),
    CONSTRAINT products_discount_check CHECK (discount_price < price)
);
