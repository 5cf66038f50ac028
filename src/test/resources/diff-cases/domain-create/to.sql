CREATE DOMAIN public.email AS text
    CONSTRAINT email_has_at CHECK (VALUE LIKE '%_@_%');
COMMENT ON DOMAIN public.email IS 'An e-mail address, loosely checked';
