CREATE TABLE public.cities (name text NOT NULL, population integer);
CREATE TABLE public.capitals (name text NOT NULL, population integer, state char(2) NOT NULL);
INSERT INTO public.capitals VALUES ('Sacramento', 520000, 'CA');
