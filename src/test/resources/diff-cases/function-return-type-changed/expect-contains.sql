DROP FUNCTION public.user_count()
