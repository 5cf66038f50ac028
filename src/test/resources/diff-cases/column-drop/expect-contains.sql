DROP COLUMN fax_number
