CREATE TABLE public.users (id integer PRIMARY KEY);
CREATE TABLE public.orders (id integer PRIMARY KEY, user_id integer NOT NULL);
