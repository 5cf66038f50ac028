COMMENT ON INDEX public.orders_customer_idx IS NULL;
DROP INDEX CONCURRENTLY public.orders_customer_idx;
DROP INDEX CONCURRENTLY public.orders_placed_idx;
CREATE INDEX CONCURRENTLY orders_customer_placed_idx ON public.orders
