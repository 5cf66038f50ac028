CREATE SCHEMA audit;
COMMENT ON SCHEMA audit IS 'Append-only audit trail of user actions';
