ALTER TABLE public.items RENAME TO products;
ALTER INDEX public.items_sku_idx RENAME TO products_sku_idx;
ALTER INDEX public.items_lower_sku_key RENAME TO products_lower_sku_key;
ALTER TABLE public.products RENAME CONSTRAINT items_pkey TO products_pkey;
