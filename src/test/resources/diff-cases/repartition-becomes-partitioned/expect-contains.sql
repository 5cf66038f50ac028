CREATE TABLE public.automigrate_rows_of_measurements AS SELECT city_id, logdate, peaktemp FROM public.measurements;
INSERT INTO public.measurements (city_id, logdate, peaktemp) SELECT * FROM public.automigrate_rows_of_measurements;
DROP TABLE public.automigrate_rows_of_measurements;
