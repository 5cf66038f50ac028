CREATE TABLE public.vehicles (
    plate text PRIMARY KEY,
    wheels integer NOT NULL
);
CREATE TABLE public.trucks (payload_kg integer) INHERITS (public.vehicles);
