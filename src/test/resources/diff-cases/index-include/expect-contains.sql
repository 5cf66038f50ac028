INCLUDE (name, balance)
