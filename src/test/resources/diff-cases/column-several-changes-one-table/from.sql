CREATE TABLE public.listings (
    id integer PRIMARY KEY,
    title varchar(80) NOT NULL,
    price integer,
    city text,
    legacy_flag boolean
);
