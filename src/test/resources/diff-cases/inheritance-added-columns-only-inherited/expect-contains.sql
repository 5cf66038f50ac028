INHERITS (public.cities)
automigrate_rows_of_capitals
