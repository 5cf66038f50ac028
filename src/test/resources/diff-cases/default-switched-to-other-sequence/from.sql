CREATE SEQUENCE public.order_seq_a;
CREATE TABLE public.orders (id integer PRIMARY KEY, number bigint NOT NULL DEFAULT nextval('public.order_seq_a'));
