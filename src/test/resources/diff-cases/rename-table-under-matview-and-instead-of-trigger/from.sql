CREATE TABLE public.readings (
    id bigint PRIMARY KEY,
    sensor text NOT NULL,
    celsius numeric(5,2) NOT NULL
);
CREATE MATERIALIZED VIEW public.sensor_max AS
    SELECT sensor, max(celsius) AS hottest FROM public.readings GROUP BY sensor;
CREATE VIEW public.readings_entry AS SELECT id, sensor, celsius FROM public.readings;
CREATE FUNCTION public.readings_entry_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO public.readings (id, sensor, celsius) VALUES (NEW.id, lower(NEW.sensor), NEW.celsius);
    RETURN NEW;
END $$;
CREATE TRIGGER readings_entry_insert INSTEAD OF INSERT ON public.readings_entry
    FOR EACH ROW EXECUTE FUNCTION public.readings_entry_insert();
