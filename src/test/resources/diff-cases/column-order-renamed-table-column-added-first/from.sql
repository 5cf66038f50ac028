CREATE TABLE public.staff_log (entry text NOT NULL, logged_at date NOT NULL);
