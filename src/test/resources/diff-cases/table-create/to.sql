CREATE TABLE public.products (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku varchar(32) NOT NULL UNIQUE,
    name text NOT NULL,
    description text,
    price_cents integer NOT NULL CHECK (price_cents >= 0),
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE public.products IS 'Things we sell';
COMMENT ON COLUMN public.products.price_cents IS 'Price in euro cents, VAT included';
