-- A parent index made ON ONLY the partitioned table and attached on one partition only stays invalid.
CREATE TABLE public.readings (sensor integer NOT NULL, taken_at timestamptz NOT NULL) PARTITION BY LIST (sensor);
CREATE TABLE public.readings_1 PARTITION OF public.readings FOR VALUES IN (1);
CREATE TABLE public.readings_2 PARTITION OF public.readings FOR VALUES IN (2);
