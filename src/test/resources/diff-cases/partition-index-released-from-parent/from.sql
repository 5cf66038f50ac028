-- The reverse of attach-completes-parent: the second partition's index stays, no longer attached.
CREATE TABLE public.readings (sensor integer NOT NULL, taken_at timestamptz NOT NULL) PARTITION BY LIST (sensor);
CREATE TABLE public.readings_1 PARTITION OF public.readings FOR VALUES IN (1);
CREATE TABLE public.readings_2 PARTITION OF public.readings FOR VALUES IN (2);
CREATE INDEX readings_taken_at_idx ON ONLY public.readings (taken_at);
CREATE INDEX readings_1_taken ON public.readings_1 (taken_at);
ALTER INDEX public.readings_taken_at_idx ATTACH PARTITION public.readings_1_taken;
CREATE INDEX readings_2_taken ON public.readings_2 (taken_at);
ALTER INDEX public.readings_taken_at_idx ATTACH PARTITION public.readings_2_taken;
