CREATE TABLE public.orders (id integer PRIMARY KEY, customer text NOT NULL, region text NOT NULL);
ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_visible ON public.orders FOR SELECT USING (customer = current_user OR region = current_setting('app.region', true));
