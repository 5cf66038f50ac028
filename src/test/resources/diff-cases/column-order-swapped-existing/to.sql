CREATE TABLE public.points (y integer NOT NULL, x integer NOT NULL, label text);
