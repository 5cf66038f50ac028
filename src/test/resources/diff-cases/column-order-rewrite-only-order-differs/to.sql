CREATE TABLE public.prices (
    sku text PRIMARY KEY,
    currency char(3) NOT NULL,
    amount numeric(12,2) NOT NULL
);
