CREATE TABLE public.vehicles (id integer NOT NULL, wheels integer);
CREATE TABLE public.trucks (wheels integer, payload integer) INHERITS (public.vehicles);
