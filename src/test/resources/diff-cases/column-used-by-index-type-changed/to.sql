CREATE TABLE public.shipments (
    id integer PRIMARY KEY,
    tracking_code varchar(40) NOT NULL
);
CREATE INDEX shipments_tracking_code_idx ON public.shipments (tracking_code);
