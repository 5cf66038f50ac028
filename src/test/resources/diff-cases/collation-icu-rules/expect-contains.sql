rules = '&a < g'
