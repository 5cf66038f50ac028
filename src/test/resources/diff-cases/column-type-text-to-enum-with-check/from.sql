CREATE TYPE public.size AS ENUM ('s', 'm', 'l');
CREATE TABLE public.shirts (id integer PRIMARY KEY, size text NOT NULL DEFAULT 'm' CHECK (size <> ''));
