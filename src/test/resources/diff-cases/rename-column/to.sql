CREATE TABLE public.users (
    id integer PRIMARY KEY,
    full_name text NOT NULL -- automigrate:renamed-from name
);
