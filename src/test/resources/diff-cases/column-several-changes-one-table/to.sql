CREATE TABLE public.listings (
    id integer PRIMARY KEY,
    title varchar(200) NOT NULL,
    price bigint NOT NULL DEFAULT 0,
    city text NOT NULL DEFAULT 'unknown',
    published_at timestamptz
);
