CREATE TYPE public.shipping_method AS ENUM ('ground', 'air', 'pigeon');
CREATE TABLE public.shipments (
    id integer PRIMARY KEY,
    method public.shipping_method NOT NULL DEFAULT 'ground'
);
