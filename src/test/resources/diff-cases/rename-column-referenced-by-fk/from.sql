CREATE TABLE public.users (uid integer PRIMARY KEY, name text);
CREATE TABLE public.orders (id integer PRIMARY KEY, uid integer NOT NULL REFERENCES public.users (uid));
