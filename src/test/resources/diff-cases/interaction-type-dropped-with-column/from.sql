CREATE TYPE public.legacy_kind AS ENUM ('a', 'b');
CREATE TABLE public.things (id integer PRIMARY KEY, kind public.legacy_kind, name text);
