COMMENT ON COLLATION public.ci IS 'case-insensitive comparisons';
