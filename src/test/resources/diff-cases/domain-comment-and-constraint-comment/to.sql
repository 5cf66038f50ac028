CREATE DOMAIN public.slug AS text CONSTRAINT slug_format CHECK (VALUE ~ '^[a-z0-9-]+$');
COMMENT ON DOMAIN public.slug IS 'URL-safe identifier';
COMMENT ON CONSTRAINT slug_format ON DOMAIN public.slug IS 'lower-case letters, digits and dashes';
