CREATE TABLE public.base_items (id integer PRIMARY KEY, kind text NOT NULL);
