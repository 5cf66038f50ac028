CREATE TABLE public.customers ( -- automigrate:renamed-from clients
    id int PRIMARY KEY, name text);
ALTER TABLE public.customers REPLICA IDENTITY NOTHING;
