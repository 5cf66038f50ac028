ALTER TABLE public.tasks DROP CONSTRAINT tasks_staff_id_fkey;
ALTER TABLE public.reviews DROP CONSTRAINT reviews_reviewer_fk;
ALTER TABLE public.employees DROP CONSTRAINT staff_pkey;
