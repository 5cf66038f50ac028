CREATE COLLATION public.letters_first (provider = icu, locale = 'und', rules = '&a < g');
CREATE TABLE public.items (name text COLLATE public.letters_first);
