DROP TRIGGER items_stamp ON public.items
