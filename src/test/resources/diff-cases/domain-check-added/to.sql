CREATE DOMAIN public.us_zip AS text
    CONSTRAINT us_zip_format CHECK (VALUE ~ '^\d{5}(-\d{4})?$');
CREATE TABLE public.stores (id integer PRIMARY KEY, zip public.us_zip);
