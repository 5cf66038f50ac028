DROP COLUMN row_number
