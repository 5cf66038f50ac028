CREATE TABLE public.automigrate_rows_of_page_views AS SELECT page, seen_at FROM public.visits;
INSERT INTO public.page_views (path, seen_at) SELECT * FROM public.automigrate_rows_of_page_views;
