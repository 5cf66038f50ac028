CREATE TABLE public.devices (id bigint GENERATED ALWAYS AS IDENTITY, serial text NOT NULL, vendor text);
CREATE UNIQUE INDEX devices_serial_idx ON public.devices (serial);
ALTER TABLE public.devices REPLICA IDENTITY USING INDEX devices_serial_idx;
