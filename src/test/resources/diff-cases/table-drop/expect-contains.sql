DROP TABLE public.temp_imports
