CREATE TABLE public.cities (
    id integer PRIMARY KEY,
    name text NOT NULL, -- automigrate:renamed-from nm
    population integer
);
CREATE VIEW public.big_cities AS SELECT name, population FROM public.cities WHERE population > 1000000;
