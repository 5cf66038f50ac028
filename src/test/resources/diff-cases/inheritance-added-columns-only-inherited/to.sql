CREATE TABLE public.cities (name text NOT NULL, population integer);
CREATE TABLE public.capitals (state char(2) NOT NULL) INHERITS (public.cities);
