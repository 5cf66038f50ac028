CREATE TABLE public.animals ( -- automigrate:renamed-from pets
    id integer PRIMARY KEY,
    name text NOT NULL, -- automigrate:renamed-from nm
    species text
);
