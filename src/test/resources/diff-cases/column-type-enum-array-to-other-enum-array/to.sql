CREATE TYPE public.color AS ENUM ('red', 'green', 'blue');
CREATE TYPE public.shade AS ENUM ('red', 'green', 'blue', 'black');
CREATE TABLE public.palettes (id integer PRIMARY KEY, colors public.shade[] NOT NULL DEFAULT '{red}');
