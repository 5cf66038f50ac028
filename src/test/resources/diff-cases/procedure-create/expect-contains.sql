PROCEDURE public.transfer(
