-- A new partition with a long name gets its copies of the parent's indexes (an expression and a column; a second
-- one on the same columns) under names PostgreSQL shortens to 63 bytes and numbers: the migration must expect them.
CREATE TABLE public.weather_readings_by_station (station text NOT NULL, taken_on date NOT NULL)
    PARTITION BY RANGE (taken_on);
CREATE TABLE public.weather_readings_by_station_2025 PARTITION OF public.weather_readings_by_station
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX weather_station_day ON public.weather_readings_by_station (lower(station), taken_on);
CREATE INDEX weather_station_day_again ON public.weather_readings_by_station (lower(station), taken_on);
