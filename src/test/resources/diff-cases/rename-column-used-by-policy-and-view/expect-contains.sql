RENAME COLUMN usr TO owner_name
