CREATE TABLE public.people (
    born_on date,
    family_name text NOT NULL,
    given_name text NOT NULL,
    id integer PRIMARY KEY
);
