CREATE TABLE public.orders (id integer PRIMARY KEY, customer text NOT NULL, total numeric(10, 2) NOT NULL, status text NOT NULL);
CREATE VIEW public.paid_orders AS SELECT id, customer FROM public.orders WHERE status = 'paid';
CREATE VIEW public.top_customers AS SELECT customer, count(*) AS paid_orders FROM public.paid_orders GROUP BY customer;
