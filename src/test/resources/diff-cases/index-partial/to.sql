CREATE TABLE public.jobs (id bigint PRIMARY KEY, queue text NOT NULL, run_at timestamptz NOT NULL, done boolean NOT NULL DEFAULT false);
CREATE INDEX jobs_pending_idx ON public.jobs (queue, run_at) WHERE NOT done;
