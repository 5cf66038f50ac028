CREATE TYPE public.mood AS ENUM ('sad', 'happy');
CREATE DOMAIN public.known_mood AS public.mood NOT NULL;
CREATE TYPE public.feeling AS ENUM ('sad', 'calm', 'happy');
CREATE TABLE public.diary (id integer PRIMARY KEY, mood public.known_mood DEFAULT 'happy');
