CREATE TYPE public.level AS ENUM ('debug', 'info', 'error');
CREATE DOMAIN public.loud_level AS public.level CHECK (VALUE <> 'debug');
CREATE TABLE public.alerts (id integer PRIMARY KEY, level public.loud_level NOT NULL);
