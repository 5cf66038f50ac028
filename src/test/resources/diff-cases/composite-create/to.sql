CREATE TYPE public.address AS (
    street text,
    city text,
    postal_code varchar(10),
    country char(2)
);
COMMENT ON TYPE public.address IS 'A postal address';
