CREATE TABLE public.weather_readings_by_station (station text NOT NULL, taken_on date NOT NULL)
    PARTITION BY RANGE (taken_on);
CREATE TABLE public.weather_readings_by_station_2025 PARTITION OF public.weather_readings_by_station
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX weather_station_day ON public.weather_readings_by_station (lower(station), taken_on);
CREATE INDEX weather_station_day_again ON public.weather_readings_by_station (lower(station), taken_on);
CREATE TABLE public.weather_readings_by_station_in_the_year_2026_all_stations PARTITION OF public.weather_readings_by_station
    FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
