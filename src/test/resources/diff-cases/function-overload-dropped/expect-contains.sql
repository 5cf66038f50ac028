DROP FUNCTION public.greet(
