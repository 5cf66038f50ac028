TYPE numeric(12,4)
