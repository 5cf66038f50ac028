CREATE TABLE public.customers ( -- automigrate:renamed-from clients
    id integer PRIMARY KEY,
    name text NOT NULL
);
