CREATE FUNCTION public.tax(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT amount * 0.21 $$;
COMMENT ON FUNCTION public.tax(numeric) IS 'Dutch high VAT rate';
