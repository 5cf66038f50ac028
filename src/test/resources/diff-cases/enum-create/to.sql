CREATE TYPE public.order_status AS ENUM ('pending', 'paid', 'shipped', 'delivered', 'cancelled');
COMMENT ON TYPE public.order_status IS 'Lifecycle of an order';
