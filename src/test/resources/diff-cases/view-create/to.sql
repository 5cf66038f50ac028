CREATE TABLE public.orders (id integer PRIMARY KEY, customer text NOT NULL, total numeric(10, 2) NOT NULL);
CREATE VIEW public.customer_totals AS
    SELECT customer, sum(total) AS lifetime_total, count(*) AS orders
    FROM public.orders
    GROUP BY customer;
COMMENT ON VIEW public.customer_totals IS 'Per-customer spend';
