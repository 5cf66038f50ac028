CREATE TABLE public.sensor_log (id bigint PRIMARY KEY, recorded_at timestamptz NOT NULL, value real);
CREATE INDEX sensor_log_recorded_at_brin ON public.sensor_log USING brin (recorded_at) WITH (pages_per_range = 32);
