CREATE COLLATION public.numeric_order (provider = icu, locale = 'en-u-kn-true');
CREATE TABLE public.t (id int);
