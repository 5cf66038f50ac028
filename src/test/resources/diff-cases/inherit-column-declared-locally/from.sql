CREATE TABLE public.vehicles (id integer NOT NULL, wheels integer);
CREATE TABLE public.trucks (payload integer) INHERITS (public.vehicles);
