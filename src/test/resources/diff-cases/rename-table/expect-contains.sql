RENAME TO customers
