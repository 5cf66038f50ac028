CREATE TYPE public.size AS ENUM ('small', 'large');
CREATE TYPE public.colour AS ENUM ('red', 'blue');
CREATE TABLE public.shirts (id integer PRIMARY KEY, size public.size NOT NULL DEFAULT 'small', colour public.colour);
CREATE VIEW public.large_red_shirts AS SELECT id FROM public.shirts WHERE size = 'large' AND colour = 'red';
CREATE VIEW public.large_red_count AS SELECT count(*) AS n FROM public.large_red_shirts;
