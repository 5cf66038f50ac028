CREATE PROCEDURE public.transfer
