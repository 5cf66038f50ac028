CREATE TABLE public.points (x integer NOT NULL, y integer NOT NULL, label text);
