DROP TABLE
DROP VIEW
DROP INDEX
automigrate_rows_of
