CREATE TABLE public.readings (id integer PRIMARY KEY, samples integer[] NOT NULL);
