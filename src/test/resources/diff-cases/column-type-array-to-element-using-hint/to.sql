CREATE TABLE public.readings (
    id integer PRIMARY KEY,
    samples integer NOT NULL -- automigrate:using samples[1]; rollback ARRAY[samples]
);
