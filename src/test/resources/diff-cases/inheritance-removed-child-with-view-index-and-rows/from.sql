CREATE TABLE public.cities (name text NOT NULL, population integer);
CREATE TABLE public.capitals (state char(2) NOT NULL CHECK (state <> ''), founded date) INHERITS (public.cities);
CREATE INDEX capitals_state_idx ON public.capitals (state);
COMMENT ON TABLE public.capitals IS 'one capital per state';
CREATE VIEW public.big_capitals AS SELECT name, state FROM public.capitals WHERE population > 1000000;
INSERT INTO public.capitals (name, population, state) VALUES ('Sacramento', 520000, 'CA'), ('Austin', 980000, 'TX');
