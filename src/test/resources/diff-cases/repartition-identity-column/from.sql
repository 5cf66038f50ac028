CREATE TABLE public.readings (
    id bigint GENERATED ALWAYS AS IDENTITY,
    sensor text NOT NULL,
    value double precision,
    PRIMARY KEY (id, sensor)
);
INSERT INTO public.readings (sensor, value) VALUES ('a', 1), ('b', 2);
