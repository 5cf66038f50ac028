CREATE TABLE public.employees ( -- automigrate:renamed-from staff
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE public.tasks (id integer PRIMARY KEY, staff_id integer NOT NULL REFERENCES public.employees (id), title text);
CREATE TABLE public.reviews (id integer PRIMARY KEY, reviewer integer CONSTRAINT reviews_reviewer_fk REFERENCES public.employees (id) ON DELETE SET NULL);
