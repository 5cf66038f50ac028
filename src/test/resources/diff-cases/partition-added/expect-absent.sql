DROP TABLE public.logs;
