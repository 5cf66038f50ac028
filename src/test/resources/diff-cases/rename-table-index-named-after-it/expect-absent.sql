DROP INDEX public.items_sku_idx;
