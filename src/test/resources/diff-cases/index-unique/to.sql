CREATE TABLE public.api_keys (id integer PRIMARY KEY, prefix text NOT NULL, owner_id integer NOT NULL);
CREATE UNIQUE INDEX api_keys_prefix_owner_idx ON public.api_keys (owner_id, prefix);
