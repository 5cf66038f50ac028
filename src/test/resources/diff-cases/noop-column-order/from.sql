CREATE TABLE public.people (
    id integer PRIMARY KEY,
    given_name text NOT NULL,
    family_name text NOT NULL,
    born_on date
);
