CREATE TABLE public.legacy (id integer PRIMARY KEY, row_number serial, note text);
