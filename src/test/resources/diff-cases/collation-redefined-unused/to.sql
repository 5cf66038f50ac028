CREATE COLLATION public.sorting (provider = icu, locale = 'sv-SE');
