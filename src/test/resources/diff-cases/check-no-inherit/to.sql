CREATE TABLE public.base_items (
    id integer PRIMARY KEY,
    kind text NOT NULL,
    CONSTRAINT base_items_only_abstract CHECK (kind = 'abstract') NO INHERIT
);
