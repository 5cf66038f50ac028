CREATE TABLE public.vehicles (
    plate text PRIMARY KEY,
    maker text,
    wheels integer NOT NULL
);
CREATE TABLE public.trucks (payload_kg integer) INHERITS (public.vehicles);
