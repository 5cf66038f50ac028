CREATE TABLE public.shelves (aisle integer, slot integer, PRIMARY KEY (aisle, slot));
CREATE TABLE public.stock (
    id integer PRIMARY KEY,
    aisle integer,
    slot integer,
    CONSTRAINT stock_location_fkey FOREIGN KEY (aisle, slot) REFERENCES public.shelves (aisle, slot)
);
