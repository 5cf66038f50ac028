CREATE OR REPLACE VIEW public.active_users
