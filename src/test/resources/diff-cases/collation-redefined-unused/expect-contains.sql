DROP COLLATION public.sorting;
