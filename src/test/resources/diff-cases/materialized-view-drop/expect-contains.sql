DROP MATERIALIZED VIEW public.sales_total
