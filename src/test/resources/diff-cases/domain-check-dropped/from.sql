CREATE DOMAIN public.username AS text
    CONSTRAINT username_length CHECK (length(VALUE) BETWEEN 3 AND 30)
    CONSTRAINT username_lowercase CHECK (VALUE = lower(VALUE));
