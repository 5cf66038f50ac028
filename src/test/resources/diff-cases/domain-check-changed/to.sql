CREATE DOMAIN public.rating AS smallint CONSTRAINT rating_range CHECK (VALUE BETWEEN 1 AND 10);
CREATE TABLE public.reviews (id integer PRIMARY KEY, rating public.rating NOT NULL);
