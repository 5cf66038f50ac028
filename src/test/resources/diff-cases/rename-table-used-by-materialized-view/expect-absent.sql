DROP MATERIALIZED VIEW public.daily_sales;
