RENAME TO articles
