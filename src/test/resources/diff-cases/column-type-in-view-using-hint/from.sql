CREATE TABLE public.orders (id integer PRIMARY KEY, placed bigint NOT NULL);
CREATE VIEW public.recent_orders AS SELECT id, placed FROM public.orders WHERE placed > 0;
