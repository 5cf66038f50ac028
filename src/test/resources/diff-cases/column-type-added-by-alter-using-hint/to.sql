CREATE TABLE public.devices (id integer PRIMARY KEY);
-- the address was stored as a number; inet has no cast from bigint
ALTER TABLE public.devices ADD COLUMN address inet; -- automigrate:using '0.0.0.0'::inet + address; rollback address - '0.0.0.0'::inet
