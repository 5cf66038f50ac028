CREATE TYPE public.legacy_state AS ENUM ('on', 'off');
CREATE TABLE public.devices (id integer PRIMARY KEY, name text);
