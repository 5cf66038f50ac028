CREATE TABLE public.users (id integer PRIMARY KEY, email text NOT NULL);
CREATE UNIQUE INDEX users_lower_email_idx ON public.users (lower(email));
