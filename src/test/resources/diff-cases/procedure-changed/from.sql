CREATE TABLE public.jobs (id integer PRIMARY KEY, finished_at timestamptz);
CREATE PROCEDURE public.purge_jobs()
    LANGUAGE sql
    AS $$ DELETE FROM public.jobs WHERE finished_at < now() - interval '30 days' $$;
