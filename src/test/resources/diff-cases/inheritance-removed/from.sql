CREATE TABLE public.vehicles (id integer NOT NULL, wheels integer NOT NULL);
CREATE TABLE public.bikes (gears integer) INHERITS (public.vehicles);
