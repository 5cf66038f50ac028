RENAME COLUMN started TO started_at
USING to_timestamp(started_at) AT TIME ZONE 'UTC'
