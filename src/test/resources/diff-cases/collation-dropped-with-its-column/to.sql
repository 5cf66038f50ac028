CREATE TABLE public.logins (id int);
