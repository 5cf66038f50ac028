RENAME TO documents
