CREATE TABLE public.automigrate_rows_of_members AS SELECT id, handle, joined_on FROM public.members;
DROP TABLE public.members;
INSERT INTO public.members (id, handle, joined_on) OVERRIDING SYSTEM VALUE SELECT * FROM public.automigrate_rows_of_members;
