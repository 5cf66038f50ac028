DROP COLLATION public.numeric_order;
