DROP TABLE public.legacy;
