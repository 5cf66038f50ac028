CREATE TABLE public.sessions (id uuid PRIMARY KEY, user_id integer NOT NULL);
CREATE INDEX sessions_user_idx ON public.sessions (user_id);
