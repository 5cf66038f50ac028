CREATE FUNCTION public.email_domain(email text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT split_part(email, '@', 2) $$;
CREATE TABLE public.users (id integer PRIMARY KEY, email text NOT NULL);
CREATE INDEX users_email_domain_idx ON public.users (public.email_domain(email));
