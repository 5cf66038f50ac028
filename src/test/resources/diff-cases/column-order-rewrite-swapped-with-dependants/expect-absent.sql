DROP TABLE public.works
