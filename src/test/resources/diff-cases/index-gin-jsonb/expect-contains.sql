USING gin
