ALTER TABLE public.tags ALTER COLUMN label TYPE text COLLATE "public"."natural_sort";
