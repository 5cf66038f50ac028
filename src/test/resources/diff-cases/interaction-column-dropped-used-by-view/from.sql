CREATE TABLE public.users (id integer PRIMARY KEY, name text NOT NULL, legacy_code text);
CREATE VIEW public.user_codes AS SELECT id, name, legacy_code FROM public.users;
