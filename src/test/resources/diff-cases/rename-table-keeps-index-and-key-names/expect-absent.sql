DROP INDEX public.order_placed_idx;
ALTER TABLE public.purchases DROP CONSTRAINT order_pk;
ALTER TABLE public.purchases DROP CONSTRAINT order_placed_check;
