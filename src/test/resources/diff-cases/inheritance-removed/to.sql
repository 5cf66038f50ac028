CREATE TABLE public.vehicles (id integer NOT NULL, wheels integer NOT NULL);
CREATE TABLE public.bikes (id integer NOT NULL, wheels integer NOT NULL, gears integer);
