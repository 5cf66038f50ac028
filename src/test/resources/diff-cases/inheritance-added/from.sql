CREATE TABLE public.vehicles (id integer NOT NULL, wheels integer NOT NULL);
CREATE TABLE public.trucks (id integer NOT NULL, wheels integer NOT NULL, payload_kg integer);
