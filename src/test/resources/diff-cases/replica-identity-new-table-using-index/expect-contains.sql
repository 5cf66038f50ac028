ALTER TABLE public.devices REPLICA IDENTITY USING INDEX devices_serial_idx;
