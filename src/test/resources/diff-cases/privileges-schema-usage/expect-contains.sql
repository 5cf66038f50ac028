GRANT USAGE ON SCHEMA reports TO am_reporting
