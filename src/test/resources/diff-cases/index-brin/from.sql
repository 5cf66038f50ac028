CREATE TABLE public.sensor_log (id bigint PRIMARY KEY, recorded_at timestamptz NOT NULL, value real);
