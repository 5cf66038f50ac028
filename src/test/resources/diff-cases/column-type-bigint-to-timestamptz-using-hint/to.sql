CREATE TABLE public.events (
    id integer PRIMARY KEY,
    created_at timestamp with time zone NOT NULL -- automigrate:using to_timestamp(created_at); rollback extract(epoch FROM created_at)::bigint
);
