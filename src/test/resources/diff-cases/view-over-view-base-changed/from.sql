CREATE TABLE public.orders (id integer PRIMARY KEY, customer text NOT NULL, total numeric(10, 2) NOT NULL, status text NOT NULL);
CREATE VIEW public.paid_orders AS SELECT id, customer, total FROM public.orders WHERE status = 'paid';
CREATE VIEW public.top_customers AS SELECT customer, sum(total) AS spent FROM public.paid_orders GROUP BY customer HAVING sum(total) > 500;
