CREATE COLLATION public.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE DOMAIN public.ci_text AS text COLLATE public.ci;
CREATE TABLE public.accounts (id int, login public.ci_text);
