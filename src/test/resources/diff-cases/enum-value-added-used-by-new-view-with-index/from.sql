CREATE TYPE public.mood AS ENUM ('sad', 'happy');
CREATE TABLE public.journal (id integer PRIMARY KEY, mood public.mood NOT NULL, note text);
CREATE VIEW public.happy_days AS SELECT id, note FROM public.journal WHERE mood = 'happy';
