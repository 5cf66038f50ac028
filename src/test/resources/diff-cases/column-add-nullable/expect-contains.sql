ADD COLUMN nickname text
