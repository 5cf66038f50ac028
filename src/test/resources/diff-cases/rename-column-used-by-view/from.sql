CREATE TABLE public.cities (id integer PRIMARY KEY, nm text NOT NULL, population integer);
CREATE VIEW public.big_cities AS SELECT nm, population FROM public.cities WHERE population > 1000000;
