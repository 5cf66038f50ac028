CREATE TABLE public.cities (name text NOT NULL, population integer);
CREATE TABLE public.capitals (name text NOT NULL, population integer, state char(2) NOT NULL CHECK (state <> ''), founded date);
CREATE INDEX capitals_state_idx ON public.capitals (state);
COMMENT ON TABLE public.capitals IS 'one capital per state';
CREATE VIEW public.big_capitals AS SELECT name, state FROM public.capitals WHERE population > 1000000;
