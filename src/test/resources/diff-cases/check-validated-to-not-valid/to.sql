CREATE TABLE public.readings (id integer PRIMARY KEY, celsius numeric(5, 2));
ALTER TABLE public.readings ADD CONSTRAINT readings_range CHECK (celsius BETWEEN -90 AND 60) NOT VALID;
