CREATE OR REPLACE FUNCTION public.shipping_cost
