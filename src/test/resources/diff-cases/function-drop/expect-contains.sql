DROP FUNCTION public.obsolete_helper(
