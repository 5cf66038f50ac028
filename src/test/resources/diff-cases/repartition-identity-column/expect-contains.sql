INSERT INTO public.readings (id, sensor, value) OVERRIDING SYSTEM VALUE SELECT * FROM public.automigrate_rows_of_readings;
