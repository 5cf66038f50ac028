ALTER COLUMN created_at TYPE timestamp with time zone USING to_timestamp(created_at);
