USING hash
