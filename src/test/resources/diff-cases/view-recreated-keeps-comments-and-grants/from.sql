DO $$ BEGIN CREATE ROLE automigrate_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE public.orders (id integer PRIMARY KEY, total numeric(10, 2));
CREATE VIEW public.order_totals AS SELECT id, total FROM public.orders;
COMMENT ON VIEW public.order_totals IS 'totals per order';
COMMENT ON COLUMN public.order_totals.total IS 'in euros';
GRANT SELECT ON public.order_totals TO automigrate_reader;
