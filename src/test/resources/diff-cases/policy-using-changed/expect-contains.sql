ALTER POLICY orders_visible ON public.orders
