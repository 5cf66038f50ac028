CREATE TABLE public.products (
    id integer PRIMARY KEY,
    price_cents bigint NOT NULL -- automigrate:renamed-from price
);
