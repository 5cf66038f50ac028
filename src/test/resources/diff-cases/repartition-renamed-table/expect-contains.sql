CREATE TABLE public.automigrate_rows_of_click_events AS SELECT happened_on, target FROM public.clicks;
