CREATE TABLE public.parcels (
    id integer PRIMARY KEY,
    weight_grams integer NOT NULL CONSTRAINT parcels_weight_check CHECK (weight_grams > 0)
);
CREATE INDEX parcels_heavy_idx ON public.parcels (weight_grams) WHERE weight_grams > 20000;
