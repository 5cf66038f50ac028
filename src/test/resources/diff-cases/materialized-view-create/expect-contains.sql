CREATE MATERIALIZED VIEW public.sales_by_region
