CREATE TABLE public.users (
    id integer PRIMARY KEY, -- automigrate:renamed-from uid
    name text
);
CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    user_id integer NOT NULL REFERENCES public.users (id) -- automigrate:renamed-from uid
);
