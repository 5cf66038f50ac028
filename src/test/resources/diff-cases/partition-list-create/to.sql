CREATE TABLE public.customers (
    id integer NOT NULL,
    region text NOT NULL,
    name text
) PARTITION BY LIST (region);
CREATE TABLE public.customers_eu PARTITION OF public.customers FOR VALUES IN ('nl', 'de', 'fr');
CREATE TABLE public.customers_us PARTITION OF public.customers FOR VALUES IN ('us');
CREATE TABLE public.customers_other PARTITION OF public.customers DEFAULT;
