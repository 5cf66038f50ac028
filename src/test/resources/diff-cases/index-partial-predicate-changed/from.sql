CREATE TABLE public.users (id integer PRIMARY KEY, email text NOT NULL, deleted_at timestamptz);
CREATE UNIQUE INDEX users_email_live_idx ON public.users (email) WHERE deleted_at IS NULL;
