RENAME TO employees
