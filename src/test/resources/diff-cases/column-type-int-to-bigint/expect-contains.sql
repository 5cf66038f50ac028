ALTER COLUMN hits TYPE bigint
