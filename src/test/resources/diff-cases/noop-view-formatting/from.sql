CREATE TABLE public.orders (id integer PRIMARY KEY, total numeric NOT NULL, paid boolean NOT NULL);
CREATE VIEW public.paid_totals AS SELECT sum(total) AS total FROM public.orders WHERE paid;
