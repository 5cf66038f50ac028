ALTER TABLE public.accounts ADD CONSTRAINT email_not_null2 CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE public.accounts ADD CONSTRAINT region_not_null CHECK (region IS NOT NULL) NOT VALID;
ALTER TABLE public.accounts VALIDATE CONSTRAINT email_not_null2;
ALTER TABLE public.accounts VALIDATE CONSTRAINT region_not_null;
ALTER TABLE public.accounts ALTER COLUMN email SET NOT NULL;
ALTER TABLE public.accounts DROP CONSTRAINT email_not_null2;
