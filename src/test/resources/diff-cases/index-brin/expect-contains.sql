USING brin
