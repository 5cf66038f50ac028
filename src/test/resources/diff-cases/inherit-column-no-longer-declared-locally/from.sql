CREATE TABLE public.vehicles (id integer NOT NULL, wheels integer);
CREATE TABLE public.trucks (wheels integer, payload integer) INHERITS (public.vehicles);
INSERT INTO public.trucks VALUES (1, 6, 2000);
