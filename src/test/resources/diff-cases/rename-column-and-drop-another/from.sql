CREATE TABLE public.accounts (id integer PRIMARY KEY, mail text, obsolete_flag boolean);
