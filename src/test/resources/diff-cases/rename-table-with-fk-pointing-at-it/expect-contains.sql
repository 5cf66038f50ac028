RENAME TO writers
