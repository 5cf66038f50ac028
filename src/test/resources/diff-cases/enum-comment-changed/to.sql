CREATE TYPE public.currency AS ENUM ('EUR', 'USD');
COMMENT ON TYPE public.currency IS 'ISO 4217 currency codes we accept';
