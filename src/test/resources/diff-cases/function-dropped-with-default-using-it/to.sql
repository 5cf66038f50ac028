CREATE TABLE public.stores (id integer PRIMARY KEY, region text NOT NULL DEFAULT 'eu');
