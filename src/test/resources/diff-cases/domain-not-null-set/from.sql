CREATE DOMAIN public.sku AS varchar(32);
