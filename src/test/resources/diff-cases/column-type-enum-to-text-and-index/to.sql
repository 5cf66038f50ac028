CREATE TYPE public.level AS ENUM ('low', 'high');
CREATE TABLE public.alerts (id integer PRIMARY KEY, level text NOT NULL);
CREATE INDEX alerts_level_idx ON public.alerts (level);
