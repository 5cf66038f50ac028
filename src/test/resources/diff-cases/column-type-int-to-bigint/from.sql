CREATE TABLE public.page_hits (path text PRIMARY KEY, hits integer NOT NULL DEFAULT 0);
