CREATE TABLE public.readings (
    id bigint GENERATED ALWAYS AS IDENTITY,
    sensor text NOT NULL,
    value double precision,
    PRIMARY KEY (id, sensor)
) PARTITION BY HASH (sensor);
CREATE TABLE public.readings_0 PARTITION OF public.readings FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE public.readings_1 PARTITION OF public.readings FOR VALUES WITH (MODULUS 2, REMAINDER 1);
