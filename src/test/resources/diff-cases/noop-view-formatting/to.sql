CREATE TABLE public.orders (id integer PRIMARY KEY, total numeric NOT NULL, paid boolean NOT NULL);
CREATE VIEW public.paid_totals AS
    select SUM(orders.total) as total
      from orders
     where orders.paid;
