CREATE COLLATION public.case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE public.users (id int PRIMARY KEY, email text NOT NULL, handle text COLLATE public.case_insensitive);
