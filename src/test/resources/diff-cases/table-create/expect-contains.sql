CREATE TABLE public.products
