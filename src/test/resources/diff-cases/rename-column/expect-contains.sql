RENAME COLUMN name TO full_name
