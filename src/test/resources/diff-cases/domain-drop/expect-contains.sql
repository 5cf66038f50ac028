DROP DOMAIN public.percentage
