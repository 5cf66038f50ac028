CREATE TABLE public.scores (player text NOT NULL, points integer NOT NULL);
