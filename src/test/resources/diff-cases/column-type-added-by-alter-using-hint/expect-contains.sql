USING '0.0.0.0'::inet + address
