CREATE TABLE public.people (id int NOT NULL, email text NOT NULL, phone text NOT NULL);
CREATE UNIQUE INDEX people_phone_idx ON public.people (phone);
ALTER TABLE public.people REPLICA IDENTITY USING INDEX people_phone_idx;
