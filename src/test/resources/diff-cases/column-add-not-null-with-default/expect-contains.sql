ADD COLUMN is_admin boolean
