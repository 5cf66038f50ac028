CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    placed timestamp with time zone NOT NULL -- automigrate:using to_timestamp(placed); rollback extract(epoch FROM placed)::bigint
);
CREATE VIEW public.recent_orders AS SELECT id, placed FROM public.orders WHERE placed > '2000-01-01';
