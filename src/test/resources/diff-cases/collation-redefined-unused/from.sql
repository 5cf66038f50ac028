CREATE COLLATION public.sorting (provider = icu, locale = 'de-DE');
