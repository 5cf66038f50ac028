CREATE DOMAIN public.percent AS numeric(5, 2) CONSTRAINT percent_range CHECK (VALUE >= 0 AND VALUE <= 100);
CREATE TABLE public.discounts (code text PRIMARY KEY, pct public.percent NOT NULL);
CREATE VIEW public.big_discounts AS SELECT code, pct FROM public.discounts WHERE pct > 50;
