NO INHERIT public.vehicles
