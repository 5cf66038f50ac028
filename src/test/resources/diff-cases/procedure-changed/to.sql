CREATE TABLE public.jobs (id integer PRIMARY KEY, finished_at timestamptz);
CREATE PROCEDURE public.purge_jobs(keep interval DEFAULT '7 days')
    LANGUAGE sql
    AS $$ DELETE FROM public.jobs WHERE finished_at < now() - keep $$;
