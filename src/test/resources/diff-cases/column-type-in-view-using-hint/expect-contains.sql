DROP VIEW public.recent_orders
USING to_timestamp(placed)
