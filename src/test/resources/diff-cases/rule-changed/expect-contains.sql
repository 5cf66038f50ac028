DROP RULE items_log_update ON public.items;
