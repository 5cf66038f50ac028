CREATE TABLE public.stock (
    sku text PRIMARY KEY,
    quantity integer NOT NULL
);
CREATE TABLE public.restock_requests (
    sku text NOT NULL,
    requested_at timestamp with time zone NOT NULL DEFAULT now()
);
-- a rule whose condition and action both name the table that is renamed
CREATE RULE stock_low AS ON UPDATE TO public.stock
    WHERE NEW.quantity < 5 AND NOT EXISTS (SELECT 1 FROM public.restock_requests r WHERE r.sku = NEW.sku)
    DO ALSO INSERT INTO public.restock_requests (sku) VALUES (NEW.sku);
