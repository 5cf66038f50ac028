CREATE TABLE public.users (id integer PRIMARY KEY, name text NOT NULL, last_seen timestamptz);
CREATE VIEW public.recent_users AS SELECT id, name FROM public.users WHERE last_seen > now() - interval '7 days';
