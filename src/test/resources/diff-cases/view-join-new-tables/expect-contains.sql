CREATE VIEW public.order_lines_named
