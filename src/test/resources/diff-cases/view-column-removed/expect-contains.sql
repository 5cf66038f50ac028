DROP VIEW public.user_directory
