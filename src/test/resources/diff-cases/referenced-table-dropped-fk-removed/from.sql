CREATE TABLE public.vendors (id integer PRIMARY KEY, name text);
CREATE TABLE public.purchases (
    id integer PRIMARY KEY,
    vendor_id integer REFERENCES public.vendors (id),
    amount numeric(10, 2)
);
