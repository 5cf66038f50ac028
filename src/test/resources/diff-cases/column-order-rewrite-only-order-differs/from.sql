CREATE TABLE public.prices (
    amount numeric(12,2) NOT NULL,
    currency char(3) NOT NULL,
    sku text PRIMARY KEY
);
INSERT INTO public.prices VALUES (9.99, 'EUR', 'pen');
