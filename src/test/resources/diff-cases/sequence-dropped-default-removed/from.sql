CREATE SEQUENCE public.legacy_number_seq;
CREATE TABLE public.orders (id integer PRIMARY KEY, legacy_number bigint DEFAULT nextval('public.legacy_number_seq'));
