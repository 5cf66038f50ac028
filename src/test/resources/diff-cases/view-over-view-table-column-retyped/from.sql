CREATE TABLE public.items (id integer PRIMARY KEY, weight integer NOT NULL);
CREATE VIEW public.heavy_items AS SELECT id, weight FROM public.items WHERE weight > 10;
CREATE VIEW public.heavy_item_count AS SELECT count(*) AS n, max(weight) AS heaviest FROM public.heavy_items;
