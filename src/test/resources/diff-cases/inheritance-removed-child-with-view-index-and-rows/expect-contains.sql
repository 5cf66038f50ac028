NO INHERIT public.cities
