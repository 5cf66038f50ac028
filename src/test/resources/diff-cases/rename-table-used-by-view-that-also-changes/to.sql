CREATE TABLE public.members ( -- automigrate:renamed-from people
    id integer PRIMARY KEY,
    name text NOT NULL,
    active boolean NOT NULL DEFAULT true
);
CREATE VIEW public.active_people AS SELECT id, name FROM public.members WHERE active AND name <> '';
