CREATE TABLE public.scores (id integer PRIMARY KEY, player text NOT NULL, points integer);
CREATE INDEX scores_points_idx ON public.scores (points DESC NULLS LAST, player);
