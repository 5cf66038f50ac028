CREATE TABLE public.users (
    id integer PRIMARY KEY,
    email text NOT NULL,
    is_admin boolean NOT NULL DEFAULT false
);
