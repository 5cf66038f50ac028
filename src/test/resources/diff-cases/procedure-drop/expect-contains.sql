DROP PROCEDURE public.noop()
