RENAME COLUMN mail TO email
DROP COLUMN obsolete_flag
