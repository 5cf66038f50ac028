CREATE TABLE public.staff (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.tasks (id integer PRIMARY KEY, staff_id integer NOT NULL REFERENCES public.staff (id), title text);
CREATE TABLE public.reviews (id integer PRIMARY KEY, reviewer integer CONSTRAINT reviews_reviewer_fk REFERENCES public.staff (id) ON DELETE SET NULL);
