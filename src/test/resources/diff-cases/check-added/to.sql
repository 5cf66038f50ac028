CREATE TABLE public.products (
    id integer PRIMARY KEY,
    stock integer NOT NULL,
    CONSTRAINT products_stock_nonnegative CHECK (stock >= 0)
);
