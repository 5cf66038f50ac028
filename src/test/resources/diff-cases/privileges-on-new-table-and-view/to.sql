DO $$ BEGIN CREATE ROLE am_reporting NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE public.payments (id integer PRIMARY KEY, amount numeric NOT NULL, paid_at timestamptz);
CREATE VIEW public.daily_payments AS SELECT paid_at::date AS day, sum(amount) AS total FROM public.payments GROUP BY 1;
GRANT SELECT ON public.daily_payments TO am_reporting;
GRANT SELECT (id, paid_at) ON public.payments TO am_reporting;
