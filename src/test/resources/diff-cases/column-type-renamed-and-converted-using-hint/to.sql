CREATE TABLE public.sessions (
    id integer PRIMARY KEY,
    started_at timestamp without time zone NOT NULL -- automigrate:renamed-from started -- automigrate:using to_timestamp(started_at) AT TIME ZONE 'UTC'; rollback extract(epoch FROM started_at AT TIME ZONE 'UTC')::bigint
);
