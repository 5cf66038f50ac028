CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE public.feeling AS ENUM ('sad', 'ok', 'happy', 'ecstatic');
CREATE TABLE public.diary (id integer PRIMARY KEY, mood public.mood NOT NULL DEFAULT 'ok');
