CREATE TABLE public.automigrate_rows_of_prices AS SELECT sku, currency, amount FROM public.prices;
