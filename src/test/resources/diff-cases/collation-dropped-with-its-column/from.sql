CREATE COLLATION public.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE public.logins (id int, name text COLLATE public.ci);
