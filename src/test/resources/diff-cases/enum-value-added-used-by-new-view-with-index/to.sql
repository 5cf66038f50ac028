CREATE TYPE public.mood AS ENUM ('sad', 'calm', 'happy');
CREATE TABLE public.journal (id integer PRIMARY KEY, mood public.mood NOT NULL, note text);
CREATE INDEX journal_note_idx ON public.journal (note);
CREATE VIEW public.happy_days AS SELECT id, note FROM public.journal WHERE mood = 'happy';
CREATE VIEW public.calm_days AS SELECT id FROM public.journal WHERE mood = 'calm';
