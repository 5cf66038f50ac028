CREATE TYPE public.size AS ENUM ('xs', 's', 'm', 'l', 'xl');
CREATE TABLE public.shirts (id integer PRIMARY KEY, size public.size NOT NULL, price numeric(8, 2) NOT NULL);
CREATE VIEW public.shirt_prices AS SELECT size, avg(price) AS avg_price FROM public.shirts GROUP BY size;
