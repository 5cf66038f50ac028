CREATE DOMAIN public.slug AS text CONSTRAINT slug_format CHECK (VALUE ~ '^[a-z0-9-]+$');
