CREATE TABLE public.page_hits (path text PRIMARY KEY, hits bigint NOT NULL DEFAULT 0);
