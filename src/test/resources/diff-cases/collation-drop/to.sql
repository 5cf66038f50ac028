CREATE TABLE public.t (id int);
