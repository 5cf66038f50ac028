CREATE COLLATION public.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
COMMENT ON COLLATION public.ci IS 'case-insensitive comparisons';
