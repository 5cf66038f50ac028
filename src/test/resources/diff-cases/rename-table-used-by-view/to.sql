CREATE TABLE public.employees ( -- automigrate:renamed-from staff
    id integer PRIMARY KEY,
    name text NOT NULL,
    active boolean NOT NULL DEFAULT true
);
CREATE VIEW public.active_staff AS SELECT id, name FROM public.employees WHERE active;
