CREATE TABLE public.shipments (
    id integer PRIMARY KEY,
    tracking_code varchar(20) NOT NULL
);
CREATE INDEX shipments_tracking_code_idx ON public.shipments (tracking_code);
