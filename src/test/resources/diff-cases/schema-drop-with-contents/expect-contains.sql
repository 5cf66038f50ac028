DROP SCHEMA reporting
