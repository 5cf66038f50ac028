CREATE SCHEMA staging;
COMMENT ON SCHEMA staging IS 'Raw imports before validation';
