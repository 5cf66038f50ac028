CREATE TABLE public.users (id integer PRIMARY KEY, name text NOT NULL, shoe_size integer);
CREATE VIEW public.shoe_sizes AS SELECT shoe_size, count(*) AS n FROM public.users GROUP BY shoe_size;
