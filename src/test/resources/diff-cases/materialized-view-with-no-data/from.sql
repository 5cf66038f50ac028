CREATE TABLE public.pageviews (path text NOT NULL, at timestamptz NOT NULL);
