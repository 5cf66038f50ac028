CREATE TABLE public.automigrate_rows_of_orders AS SELECT id, placed_on, total FROM public.orders;
CREATE TABLE public.orders_2026 PARTITION OF public.orders
