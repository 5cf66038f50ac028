CREATE TABLE public.t (id integer PRIMARY KEY);
CREATE MATERIALIZED VIEW public.t_count AS SELECT count(*) AS n FROM public.t;
