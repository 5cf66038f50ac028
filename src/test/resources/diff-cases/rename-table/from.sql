CREATE TABLE public.clients (
    id integer PRIMARY KEY,
    name text NOT NULL
);
