CREATE TABLE public.queues (id integer PRIMARY KEY);
