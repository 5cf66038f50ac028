CREATE TABLE public.inventory ( -- automigrate:renamed-from stock
    sku text PRIMARY KEY,
    quantity integer NOT NULL
);
CREATE TABLE public.reorders ( -- automigrate:renamed-from restock_requests
    sku text NOT NULL,
    requested_at timestamp with time zone NOT NULL DEFAULT now()
);
-- a rule whose condition and action both name the table that is renamed
CREATE RULE stock_low AS ON UPDATE TO public.inventory
    WHERE NEW.quantity < 5 AND NOT EXISTS (SELECT 1 FROM public.reorders r WHERE r.sku = NEW.sku)
    DO ALSO INSERT INTO public.reorders (sku) VALUES (NEW.sku);
