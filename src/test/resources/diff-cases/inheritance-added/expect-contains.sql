INHERIT public.vehicles
