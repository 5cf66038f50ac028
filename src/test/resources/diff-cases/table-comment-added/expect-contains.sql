COMMENT ON TABLE public.orders IS 'One row per checkout; never deleted'
