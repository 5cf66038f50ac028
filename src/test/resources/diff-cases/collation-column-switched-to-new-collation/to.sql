CREATE COLLATION public.natural_sort (provider = icu, locale = 'und-u-kn-true');
CREATE TABLE public.tags (id int, label text COLLATE public.natural_sort);
