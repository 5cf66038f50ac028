CREATE TABLE public.measurements (
    id integer PRIMARY KEY,
    sensor text NOT NULL,
    reading double precision NOT NULL
);
CREATE VIEW public.latest_readings AS
    SELECT sensor, max(reading) AS peak FROM public.measurements GROUP BY sensor;
