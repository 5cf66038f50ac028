CREATE TABLE public.pageviews (path text NOT NULL, at timestamptz NOT NULL);
CREATE MATERIALIZED VIEW public.popular_pages AS
    SELECT path, count(*) AS views FROM public.pageviews GROUP BY path
    WITH NO DATA;
