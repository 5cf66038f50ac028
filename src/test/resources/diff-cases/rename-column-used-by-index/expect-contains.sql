RENAME COLUMN cust TO customer_id
