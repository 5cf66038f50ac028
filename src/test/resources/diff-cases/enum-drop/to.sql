CREATE TABLE public.devices (id integer PRIMARY KEY, name text);
