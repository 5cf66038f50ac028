CREATE TYPE public.size AS ENUM ('s', 'm', 'l');
CREATE TABLE public.shirts (id integer PRIMARY KEY, size public.size NOT NULL, price integer NOT NULL);
CREATE VIEW public.shirt_prices AS SELECT size, avg(price) AS avg_price FROM public.shirts GROUP BY size;
