CREATE TABLE public.api_keys (id integer PRIMARY KEY, prefix text NOT NULL, owner_id integer NOT NULL);
