DROP COLLATION public.ci;
