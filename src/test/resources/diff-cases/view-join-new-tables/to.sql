CREATE TABLE public.products (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.order_lines (
    order_id integer NOT NULL,
    product_id integer NOT NULL REFERENCES public.products (id),
    quantity integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, product_id)
);
CREATE VIEW public.order_lines_named AS
    SELECT l.order_id, p.name, l.quantity
    FROM public.order_lines l JOIN public.products p ON p.id = l.product_id;
