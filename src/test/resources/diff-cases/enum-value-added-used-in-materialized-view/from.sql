CREATE TYPE public.shipment_state AS ENUM ('packed', 'delivered');
CREATE TABLE public.shipments (id integer PRIMARY KEY, state public.shipment_state NOT NULL DEFAULT 'packed');
CREATE MATERIALIZED VIEW public.shipment_counts AS SELECT state, count(*) AS n FROM public.shipments GROUP BY state;
CREATE UNIQUE INDEX shipment_counts_state_idx ON public.shipment_counts (state);
COMMENT ON MATERIALIZED VIEW public.shipment_counts IS 'one row per state';
