CREATE TABLE public.members (id integer PRIMARY KEY, email text NOT NULL);
CREATE UNIQUE INDEX members_email_lower_key ON public.members (lower(email));
