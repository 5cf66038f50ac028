CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    timeout interval DEFAULT '00:00:30' -- automigrate:using make_interval(secs => timeout); rollback extract(epoch FROM timeout)::integer
);
