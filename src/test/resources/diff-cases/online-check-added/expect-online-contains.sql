ALTER TABLE public.products ADD CONSTRAINT products_price_positive CHECK ((price > (0)::numeric)) NOT VALID;
ALTER TABLE public.products ADD CONSTRAINT products_stock_sane CHECK (((stock >= 0) AND (stock < 1000000))) NOT VALID;
ALTER TABLE public.products VALIDATE CONSTRAINT products_price_positive;
ALTER TABLE public.products VALIDATE CONSTRAINT products_stock_sane;
