CREATE TABLE public.users (id integer PRIMARY KEY, username text NOT NULL UNIQUE);
CREATE TABLE public.profiles (
    id integer PRIMARY KEY,
    username text NOT NULL REFERENCES public.users (username) ON UPDATE CASCADE
);
