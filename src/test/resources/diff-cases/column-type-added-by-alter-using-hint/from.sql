CREATE TABLE public.devices (id integer PRIMARY KEY);
ALTER TABLE public.devices ADD COLUMN address bigint;
